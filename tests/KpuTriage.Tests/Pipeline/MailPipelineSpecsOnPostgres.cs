namespace KpuTriage.Tests.Pipeline;

public sealed class MailPipelineSpecsOnPostgres : MailPipelineSpecs
{
    protected override bool UsePostgres => true;
}
