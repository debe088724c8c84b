namespace KpuTriage.Web.KeyRing;

/// <summary>
/// Configuration section "DataProtection": the certificate that encrypts the desk's
/// data-protection keys before they are stored in the office database.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>
    /// DataProtection:CertificatePath — a PKCS#12 (.pfx/.p12) file with the certificate and its
    /// private key. Unset: keys are stored unencrypted (ASP.NET Core warns at start).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>DataProtection:CertificatePassword — the PKCS#12 file's password; unset when it has none.</summary>
    public string? CertificatePassword { get; set; }
}
