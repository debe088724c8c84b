namespace KpuTriage.Tests.Prompts;

public sealed class PromptVersionSpecsOnPostgres : PromptVersionSpecs
{
    protected override bool UsePostgres => true;
}
