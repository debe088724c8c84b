namespace KpuTriage.Core.Documents;

/// <summary>What a file's first bytes plainly are, whatever its name says; <see cref="None"/> when they prove nothing.</summary>
public enum ContentSignature
{
    None,
    Pdf,
    Image,

    /// <summary>A zip archive: a DOCX, or any other zip; only the name tells which.</summary>
    Zip,
    Email,
}
