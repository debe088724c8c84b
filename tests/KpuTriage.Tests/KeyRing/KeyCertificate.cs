using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KpuTriage.Tests.KeyRing;

/// <summary>A self-signed RSA certificate in a PKCS#12 file, as an office makes one with openssl for DataProtection:CertificatePath.</summary>
internal static class KeyCertificate
{
    public const string Password = "sandi-sertifikat-uji";

    public static string Write(string folder, string fileName = "data-protection.pfx")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=KpuTriage data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public static Dictionary<string, string> Settings(string path) => new()
    {
        ["DataProtection:CertificatePath"] = path,
        ["DataProtection:CertificatePassword"] = Password,
    };
}
