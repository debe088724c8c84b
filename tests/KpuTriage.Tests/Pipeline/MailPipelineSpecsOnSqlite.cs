namespace KpuTriage.Tests.Pipeline;

public sealed class MailPipelineSpecsOnSqlite : MailPipelineSpecs
{
    protected override bool UsePostgres => false;
}
