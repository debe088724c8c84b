namespace KpuTriage.Core.Prompts;

/// <summary>Where a replay run is: waiting for a worker, being run, done with a result, or stopped with the reason.</summary>
public enum ReplayRunState
{
    Queued,
    Running,
    Finished,
    Failed,
}
