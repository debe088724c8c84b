namespace KpuTriage.Tests.Prompts;

public sealed class ReplaySpecsOnPostgres : ReplaySpecs
{
    protected override bool UsePostgres => true;
}
