using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// The office's signing key: ECDSA P-256 in a PKCS#8 PEM file outside the database, so
/// someone who can rewrite the database cannot also re-sign checkpoints. Made on first use
/// when missing, readable by its owner only. After a rotation the file also holds the public
/// keys of the keys it succeeds (PUBLIC KEY blocks, oldest first), so this office still checks
/// its older checkpoints from its first key on, with nothing kept beside the file.
/// </summary>
public sealed class OfficeKey : IDisposable
{
    private readonly ECDsa key;

    private OfficeKey(ECDsa key, string path, IReadOnlyList<byte[]> predecessors)
    {
        this.key = key;
        Path = path;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = IdOf(PublicKey);
        Predecessors = predecessors;
    }

    public string Path { get; }

    /// <summary>SubjectPublicKeyInfo DER.</summary>
    public byte[] PublicKey { get; }

    public string KeyId { get; }

    /// <summary>The public keys this key succeeds, oldest first (SubjectPublicKeyInfo DER); empty before any rotation.</summary>
    public IReadOnlyList<byte[]> Predecessors { get; }

    /// <summary>Where this office's chain of keys starts: its first key.</summary>
    public byte[] Anchor => Predecessors.Count > 0 ? Predecessors[0] : PublicKey;

    public string AnchorDescription => Predecessors.Count > 0
        ? $"the office's first key {IdOf(Anchor)} (named in {Path})"
        : $"the office key {KeyId} ({Path})";

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
        var predecessors = new List<byte[]>();
        try
        {
            var text = File.ReadAllText(path);
            var privateKeys = 0;
            for (var rest = text.AsMemory(); PemEncoding.TryFind(rest.Span, out var fields); rest = rest[fields.Location.End..])
            {
                var label = rest.Span[fields.Label].ToString();
                if (label == "PUBLIC KEY")
                {
                    predecessors.Add(PublicKeyOf(Convert.FromBase64String(rest.Span[fields.Base64Data].ToString())));
                }
                else if (label is "PRIVATE KEY" or "EC PRIVATE KEY" && privateKeys++ == 0)
                {
                    ecdsa.ImportFromPem(rest.Span[fields.Location]);
                }
            }

            if (privateKeys != 1)
            {
                throw new ArgumentException($"{privateKeys} private keys found, one expected");
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"Ledger:KeyPath '{path}' holds no ECDSA private key in PEM ({e.Message}); point it at the office key, or at a missing file to make a new one.", e);
        }

        if (ecdsa.KeySize != 256)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"Ledger:KeyPath '{path}' holds a {ecdsa.KeySize}-bit key; the ledger signs with P-256.");
        }

        return new OfficeKey(ecdsa, path, predecessors);
    }

    /// <summary>
    /// Writes <paramref name="path"/> (mode 0600, atomically) with the private key of the key
    /// there, or of a new one when there is none, followed by the public keys it succeeds.
    /// </summary>
    public static void WriteSuccessor(string path, IReadOnlyList<byte[]> predecessors, ILogger log)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            Create(path, log);
        }

        using var successor = LoadOrCreate(path, log);
        var text = new System.Text.StringBuilder(successor.key.ExportPkcs8PrivateKeyPem()).Append('\n');
        foreach (var predecessor in predecessors)
        {
            text.Append(PemEncoding.WriteString("PUBLIC KEY", predecessor)).Append('\n');
        }

        WriteOwnerOnly(path, text.ToString(), overwrite: true);
    }

    /// <summary>The SubjectPublicKeyInfo of a P-256 public key (PEM "PUBLIC KEY", or a private key's public half).</summary>
    /// <exception cref="CryptographicException">Not a P-256 key.</exception>
    public static byte[] PublicKeyOf(byte[] subjectPublicKeyInfo)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return ecdsa.KeySize == 256 ? ecdsa.ExportSubjectPublicKeyInfo() : throw new CryptographicException($"a {ecdsa.KeySize}-bit key; the ledger signs with P-256");
    }

    /// <summary>Reads a PEM file's first public key, or the public half of its private key (an auditor pins either).</summary>
    /// <exception cref="InvalidDataException">No EC key in it.</exception>
    public static byte[] ReadPublicKey(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            if (PemEncoding.TryFind(text, out var fields) && text[fields.Label] == "PUBLIC KEY")
            {
                return PublicKeyOf(Convert.FromBase64String(text[fields.Base64Data]));
            }

            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(text[fields.Location]);
            return ecdsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or FormatException)
        {
            throw new InvalidDataException($"{path} holds no EC public key in PEM: {e.Message}", e);
        }
    }

    /// <returns>The key at <paramref name="path"/>, or null when there is no file (a verifier must not make one).</returns>
    public static OfficeKey? TryLoad(string path, ILogger log) => File.Exists(path) ? LoadOrCreate(path, log) : null;

    /// <summary>
    /// Makes a new key at <paramref name="path"/> (mode 0600) for an administrator to place where
    /// the hosts read it: a compose secret or a systemd credential is read-only to the hosts, so
    /// they cannot make it on first start themselves.
    /// </summary>
    /// <exception cref="InvalidOperationException">A file is there already, or the file cannot be written.</exception>
    public static OfficeKey MakeNew(string path, ILogger log)
    {
        path = System.IO.Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} exists already: a new key never replaces a key (rotate with `kputriage ledger rotate-key`).");
        }

        Create(path, log);
        return LoadOrCreate(path, log);
    }

    private static void Create(string path, ILogger log)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            // Atomic: a process starting at the same moment either wins or loads the winner's key.
            WriteOwnerOnly(path, ecdsa.ExportPkcs8PrivateKeyPem(), overwrite: false);
            log.LogWarning("Made the office's ledger signing key at {KeyPath} (mode 0600). Back it up and keep it off the database server's backups; set Ledger:KeyPath to move it.", path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A compose secret or a systemd credential is read-only: the key is made beforehand, not here.
            throw new InvalidOperationException(
                $"Ledger:KeyPath '{path}' does not exist and cannot be made there ({e.Message}). Make the key with `kputriage ledger new-key <file>` and place that file at Ledger:KeyPath (deploy/README.md, \"The ledger key\").", e);
        }
    }

    private static void WriteOwnerOnly(string path, string text, bool overwrite)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(text);
        }

        try
        {
            File.Move(temporary, path, overwrite);
        }
        catch (IOException)
        {
            File.Delete(temporary);
            throw;
        }
    }

    public void Dispose() => key.Dispose();
}
