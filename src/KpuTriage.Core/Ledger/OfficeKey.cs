using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// The office's signing key: ECDSA P-256 in a PKCS#8 PEM file outside the database, so
/// someone who can rewrite the database cannot also re-sign checkpoints. Made on first use
/// when missing, readable by its owner only.
/// </summary>
public sealed class OfficeKey : IDisposable
{
    private readonly ECDsa key;

    private OfficeKey(ECDsa key, string path)
    {
        this.key = key;
        Path = path;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = IdOf(PublicKey);
    }

    public string Path { get; }

    /// <summary>SubjectPublicKeyInfo DER.</summary>
    public byte[] PublicKey { get; }

    public string KeyId { get; }

    public static string IdOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    public string PublicKeyPem() => PemEncoding.WriteString("PUBLIC KEY", PublicKey);

    public byte[] Sign(byte[] data) => key.SignData(data, HashAlgorithmName.SHA256);

    /// <exception cref="InvalidOperationException">The file exists but holds no EC private key.</exception>
    public static OfficeKey LoadOrCreate(string path, ILogger log)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            Create(path, log);
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"Ledger:KeyPath '{path}' holds no ECDSA private key in PEM ({e.Message}); point it at the office key, or at a missing file to make a new one.", e);
        }

        if (ecdsa.KeySize != 256)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"Ledger:KeyPath '{path}' holds a {ecdsa.KeySize}-bit key; the ledger signs with P-256.");
        }

        return new OfficeKey(ecdsa, path);
    }

    /// <returns>The key at <paramref name="path"/>, or null when there is no file (a verifier must not make one).</returns>
    public static OfficeKey? TryLoad(string path, ILogger log) => File.Exists(path) ? LoadOrCreate(path, log) : null;

    private static void Create(string path, ILogger log)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            // Atomic: a process starting at the same moment either wins or loads the winner's key.
            File.Move(temporary, path, overwrite: false);
            log.LogWarning("Made the office's ledger signing key at {KeyPath} (mode 0600). Back it up and keep it off the database server's backups; set Ledger:KeyPath to move it.", path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    public void Dispose() => key.Dispose();
}
