namespace KpuTriage.Tests.Prompts;

public sealed class PromptVersionSpecsOnSqlite : PromptVersionSpecs
{
    protected override bool UsePostgres => false;
}
