namespace KpuTriage.Tests.Prompts;

public sealed class ReplayWorkerSpecsOnPostgres : ReplayWorkerSpecs
{
    protected override bool UsePostgres => true;
}
