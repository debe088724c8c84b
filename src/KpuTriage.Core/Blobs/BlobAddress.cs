namespace KpuTriage.Core.Blobs;

/// <summary>A blob's address: the lower-case hex SHA-256 of its content, and nothing else (never a path).</summary>
public static class BlobAddress
{
    public static string Checked(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? sha256
            : throw new ArgumentException("Not a lower-case SHA-256 hex string.", nameof(sha256));
}
