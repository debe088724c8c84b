namespace KpuTriage.Tests.Pipeline;

public sealed class HandoffRaceSpecsOnSqlite : HandoffRaceSpecs
{
    protected override bool UsePostgres => false;
}
