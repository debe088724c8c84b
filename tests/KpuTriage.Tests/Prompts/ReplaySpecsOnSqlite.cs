namespace KpuTriage.Tests.Prompts;

public sealed class ReplaySpecsOnSqlite : ReplaySpecs
{
    protected override bool UsePostgres => false;
}
