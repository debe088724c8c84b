namespace KpuTriage.Core.Classification;

/// <summary>
/// A trained classifier kept in the database, so every process (desk, workers, the CLI) uses
/// the same model and a retrain anywhere reaches all of them. It records what it learned
/// from: the seed set's hash, the taxonomy version, and the approved decisions up to
/// <see cref="ApprovedThrough"/>.
/// </summary>
public sealed class ClassifierModel
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset TrainedAt { get; init; }

    /// <summary>What started the training: "start-up", "schedule", or "command" with who ran it.</summary>
    public required string TrainedBy { get; init; }

    public required string SeedSha256 { get; init; }
    public required string TaxonomyVersion { get; init; }
    public int SeedExamples { get; init; }
    public int ApprovedExamples { get; init; }

    /// <summary>The newest decision learned from; a later approval makes the model due for retraining.</summary>
    public DateTimeOffset? ApprovedThrough { get; init; }

    public TimeSpan TrainingTime { get; init; }

    /// <summary>The models, as <see cref="LetterClassifier.Save"/> writes them.</summary>
    public required byte[] Content { get; init; }

    /// <summary>The short name proposals record as their model, e.g. "letter-parser+classifier-0193ab12".</summary>
    public string Label => "classifier-" + Id.ToString("N")[^8..];
}
