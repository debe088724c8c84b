using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Extraction;

/// <summary>Limits that keep one hostile or huge file from exhausting a worker.</summary>
public sealed class TextExtractorOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Pages read per document; a longer one is read up to here and sent to a clerk.</summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 500;

    /// <summary>Bytes read per document; a larger one is not read at all.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;
}
