namespace KpuTriage.Web.KeyRing;

/// <summary>
/// Configuration section "DataProtection": the certificate that encrypts the desk's
/// data-protection keys before they are stored in the office database, and the certificates it
/// replaced, kept only to decrypt the keys they encrypted.
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

    /// <summary>
    /// DataProtection:PreviousCertificates:N:Path and :Password — certificates retired by a
    /// rotation. They never encrypt; they decrypt the keys stored before, so sessions and tokens
    /// issued under the old certificate stay valid. Default none; needs CertificatePath.
    /// </summary>
    public List<PreviousCertificate> PreviousCertificates { get; set; } = [];
}

/// <summary>One retired certificate: DataProtection:PreviousCertificates:N.</summary>
public sealed class PreviousCertificate
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}
