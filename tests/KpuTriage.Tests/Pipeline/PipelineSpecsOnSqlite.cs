namespace KpuTriage.Tests.Pipeline;

public sealed class PipelineSpecsOnSqlite : PipelineSpecs
{
    protected override bool UsePostgres => false;
}
