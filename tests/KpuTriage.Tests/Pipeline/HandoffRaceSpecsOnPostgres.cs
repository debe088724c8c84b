namespace KpuTriage.Tests.Pipeline;

public sealed class HandoffRaceSpecsOnPostgres : HandoffRaceSpecs
{
    protected override bool UsePostgres => true;
}
