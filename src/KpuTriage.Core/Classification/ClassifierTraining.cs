using System.Collections.Concurrent;
using System.Diagnostics;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Classification;

/// <summary>
/// Trains the classifier from the seed set and the decisions clerks approved (their final
/// values are the labels; sender, perihal and summary the text) and keeps each model in the
/// database; finds the newest model made under the current seed set and taxonomy.
/// </summary>
public sealed class ClassifierTraining(TriageDb db, SeedSet seed, Taxonomy taxonomy, IOptions<ClassifierOptions> options, TimeProvider clock)
{
    // Models learned from the seed set alone, per seed set and taxonomy: every new office
    // database (and every test host in one process) needs the same one, so it is trained once.
    // The advisory lock's key: any constant no other part of the office takes ("kputriage-classifier").
    private const long TrainingLock = 0x6B70_7463_6C61_7373;

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> SeedOnlyModels = new(StringComparer.Ordinal);

    /// <summary>The newest model made under the current seed set and taxonomy, or null.</summary>
    public async Task<ClassifierModel?> LatestAsync(Guid? unlessId, CancellationToken ct)
    {
        var latest = await Usable().OrderByDescending(m => m.TrainedAt).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        return latest is { } id && id != unlessId
            ? await db.ClassifierModels.AsNoTracking().FirstAsync(m => m.Id == id, ct)
            : null;
    }

    /// <summary>Whether a new model is due: none yet, or clerks approved letters since the model and RetrainInterval has passed.</summary>
    public async Task<bool> IsDueAsync(ClassifierModel? model, CancellationToken ct) =>
        model is null
        || (clock.GetUtcNow() - model.TrainedAt >= options.Value.RetrainInterval && await HasNewDecisionsAsync(model, ct));

    /// <summary>
    /// Trains a model unless another host did while this one waited for its turn: on PostgreSQL
    /// the training holds a transaction-scoped advisory lock, so hosts sharing the office
    /// database train one at a time and the others load the model the first one stored (two
    /// workers on a fresh database used to train at once, 10–48 s of CPU each, and proposed
    /// with different models). SQLite is one process's database and needs no lock.
    /// </summary>
    public async Task<(ClassifierModel Model, LetterClassifier Classifier, bool Trained)> TrainOnceAsync(Guid? currentId, string trainedBy, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var (model, classifier) = await TrainAsync(trainedBy, ct);
            return (model, classifier, true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [TrainingLock], ct);
        if (await LatestAsync(currentId, ct) is { } newer && !await IsDueAsync(newer, ct))
        {
            return (newer, LetterClassifier.Load(newer.Content), false);
        }

        var (trained, loaded) = await TrainAsync(trainedBy, ct);
        await transaction.CommitAsync(ct);
        return (trained, loaded, true);
    }

    private async Task<bool> HasNewDecisionsAsync(ClassifierModel model, CancellationToken ct) =>
        model.ApprovedThrough is { } through
            ? await db.Register.AnyAsync(e => e.DecidedAt > through, ct)
            : await db.Register.AnyAsync(ct);

    public async Task<(ClassifierModel Model, LetterClassifier Classifier)> TrainAsync(string trainedBy, CancellationToken ct)
    {
        var approved = await db.Register.AsNoTracking()
            .OrderByDescending(e => e.DecidedAt)
            .Take(options.Value.MaxApprovedExamples)
            .Select(e => new { e.Sender, e.Perihal, e.Summary, e.LetterType, e.Register, e.Unit, e.Urgency, e.ArchiveCode, e.DecidedAt })
            .ToListAsync(ct);
        var examples = seed.Examples.Concat(approved.Select(e => new TrainingExample(e.Sender, e.Perihal, e.Summary ?? string.Empty, new Dictionary<string, string?>
        {
            [ClassifierTargets.LetterType] = e.LetterType,
            [ClassifierTargets.Register] = e.Register,
            [ClassifierTargets.Unit] = e.Unit,
            [ClassifierTargets.Urgency] = e.Urgency,
            [ClassifierTargets.ArchiveCode] = e.ArchiveCode,
        }))).ToList();

        var watch = Stopwatch.StartNew();
        var content = approved.Count == 0
            ? SeedOnlyModels.GetOrAdd(seed.Sha256 + "/" + taxonomy.Version, _ => new Lazy<byte[]>(() => LetterClassifier.Train(examples).Save())).Value
            : await Task.Run(() => LetterClassifier.Train(examples).Save(), ct);
        var classifier = LetterClassifier.Load(content);
        var model = new ClassifierModel
        {
            TrainedAt = clock.GetUtcNow(),
            TrainedBy = trainedBy,
            SeedSha256 = seed.Sha256,
            TaxonomyVersion = taxonomy.Version,
            SeedExamples = seed.Examples.Count,
            ApprovedExamples = approved.Count,
            ApprovedThrough = approved.Count == 0 ? null : approved.Max(e => e.DecidedAt),
            TrainingTime = watch.Elapsed,
            Content = content,
        };
        db.ClassifierModels.Add(model);
        await db.SaveChangesAsync(ct);
        return (model, classifier);
    }

    private IQueryable<ClassifierModel> Usable() =>
        db.ClassifierModels.Where(m => m.SeedSha256 == seed.Sha256 && m.TaxonomyVersion == taxonomy.Version);
}
