namespace KpuTriage.Core.Classification;

/// <summary>
/// The classifier this process proposes with. Until the first model is loaded or trained
/// the engine waits for it (a letter proposed without routing would be a worse proposal,
/// not a faster one); if training fails the engine goes on without it.
/// </summary>
public sealed class CurrentClassifier
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Loaded? _loaded;

    public ClassifierModel? Model => _loaded?.Model;

    public LetterClassifier? Classifier => _loaded?.Classifier;

    public void Use(ClassifierModel model, LetterClassifier classifier)
    {
        _loaded = new Loaded(model, classifier);
        _ready.TrySetResult();
    }

    /// <summary>The first model could not be made: go on with the parser alone.</summary>
    public void GiveUp() => _ready.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    private sealed record Loaded(ClassifierModel Model, LetterClassifier Classifier);
}
