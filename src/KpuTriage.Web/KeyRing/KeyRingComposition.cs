using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KpuTriage.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace KpuTriage.Web.KeyRing;

/// <summary>
/// Where the desk keeps the keys that protect its cookies, bearer tokens and anti-forgery
/// tokens: in the office database, so every web replica on that database (each with its own
/// data folder, or none) accepts what another issued, and a backup of the database carries
/// them. With DataProtection:CertificatePath the keys are encrypted before they are stored;
/// DataProtection:PreviousCertificates lets a new certificate take over without signing anyone out.
/// </summary>
public static class KeyRingComposition
{
    public static IHostApplicationBuilder AddKpuTriageKeyRing(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = builder.Services.AddDataProtection()
            .PersistKeysToDbContext<TriageDb>()
            .SetApplicationName("KpuTriage");
        if (options.CertificatePath is { Length: > 0 } path)
        {
            var certificate = LoadCertificate(path, options.CertificatePassword, "DataProtection:CertificatePath", "DataProtection:CertificatePassword");
            // Unprotect names the certificates: without them .NET looks in the machine's store only.
            // The previous ones decrypt what they encrypted before a rotation; only the current one encrypts.
            var previous = options.PreviousCertificates.Select((p, i) => LoadCertificate(
                p.Path is { Length: > 0 } previousPath ? previousPath : throw new InvalidOperationException($"DataProtection:PreviousCertificates:{i}:Path is empty: name the retired certificate's PKCS#12 file, or remove the entry."),
                p.Password, $"DataProtection:PreviousCertificates:{i}:Path", $"DataProtection:PreviousCertificates:{i}:Password"));
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
        else if (options.PreviousCertificates.Count > 0)
        {
            throw new InvalidOperationException("DataProtection:PreviousCertificates is set but DataProtection:CertificatePath is not: a rotation needs the new certificate to encrypt with.");
        }

        return builder;
    }

    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or holds no private key; the message names the setting.</exception>
    private static X509Certificate2 LoadCertificate(string path, string? password, string pathKey, string passwordKey)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{pathKey} '{path}' does not exist: point it at a PKCS#12 file (.pfx) with the certificate and its private key.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{pathKey} '{path}' could not be read as PKCS#12 with the {passwordKey} given ({e.Message}).", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{pathKey} '{path}' holds no RSA private key: the desk needs it to decrypt its keys.");
        }

        return certificate;
    }
}
