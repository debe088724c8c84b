namespace KpuTriage.Tests.Prompts;

public sealed class PromotionSpecsOnPostgres : PromotionSpecs
{
    protected override bool UsePostgres => true;
}
