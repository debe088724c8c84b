using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KpuTriage.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace KpuTriage.Web.KeyRing;

/// <summary>
/// Where the desk keeps the keys that protect its cookies, bearer tokens and anti-forgery
/// tokens: in the office database, so every web replica on that database (each with its own
/// data folder, or none) accepts what another issued, and a backup of the database carries
/// them. With DataProtection:CertificatePath the keys are encrypted before they are stored.
/// </summary>
public static class KeyRingComposition
{
    public static IHostApplicationBuilder AddKpuTriageKeyRing(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = builder.Services.AddDataProtection()
            .PersistKeysToDbContext<TriageDb>()
            .SetApplicationName("KpuTriage");
        if (LoadCertificate(options) is { } certificate)
        {
            // Unprotect names the same certificate: without it .NET looks for it in the machine's store only.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return builder;
    }

    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or holds no private key; the message names the setting.</exception>
    private static X509Certificate2? LoadCertificate(KeyRingOptions options)
    {
        if (options.CertificatePath is not { Length: > 0 } path)
        {
            return null;
        }

        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' does not exist: point it at a PKCS#12 file (.pfx) with the certificate and its private key.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' could not be read as PKCS#12 with the DataProtection:CertificatePassword given ({e.Message}).", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' holds no RSA private key: the desk needs it to decrypt its keys.");
        }

        return certificate;
    }
}
