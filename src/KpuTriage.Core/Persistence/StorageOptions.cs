using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Persistence;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Storage:Provider — "sqlite" (default, a file under the data folder) or "postgres".</summary>
    [Required, RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";
}
