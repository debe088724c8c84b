namespace KpuTriage.Tests.Prompts;

public sealed class ReplayWorkerSpecsOnSqlite : ReplayWorkerSpecs
{
    protected override bool UsePostgres => false;
}
