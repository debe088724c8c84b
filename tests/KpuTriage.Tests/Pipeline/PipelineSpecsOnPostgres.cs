namespace KpuTriage.Tests.Pipeline;

public sealed class PipelineSpecsOnPostgres : PipelineSpecs
{
    protected override bool UsePostgres => true;
}
