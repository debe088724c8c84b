using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Ledger;

/// <summary>Configuration section "Ledger".</summary>
public sealed class LedgerOptions : IValidatableObject
{
    public const string Section = "Ledger";

    /// <summary>The fanout exchange checkpoints are published to; another office binds its own queue to it.</summary>
    public const string CheckpointExchange = "kputriage.ledger.checkpoints";

    /// <summary>Ledger:OfficeId — names this office's chain in its checkpoints, e.g. kpu-kab-purwakarta.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9._-]{0,99}$", ErrorMessage = "Ledger:OfficeId must be 1-100 characters of a-z, 0-9, '.', '_' or '-' (e.g. kpu-kab-purwakarta).")]
    public string OfficeId { get; set; } = "kpu-office";

    /// <summary>
    /// Ledger:KeyPath — the office's ECDSA P-256 private key (PKCS#8 PEM), kept outside the
    /// database; made (mode 0600) on first start when missing. Default: &lt;data dir&gt;/ledger/office-key.pem.
    /// </summary>
    public string? KeyPath { get; set; }

    /// <summary>Ledger:CheckpointInterval — how often the head is signed and published when it moved; 0 turns signing off in this process.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Ledger:RabbitMqUri — the broker checkpoints are published to; default Transport:RabbitMqUri when the transport is RabbitMQ.</summary>
    public Uri? RabbitMqUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckpointInterval < TimeSpan.Zero)
        {
            yield return new ValidationResult("Ledger:CheckpointInterval must not be negative (0 turns signing off).", [nameof(CheckpointInterval)]);
        }
    }
}
