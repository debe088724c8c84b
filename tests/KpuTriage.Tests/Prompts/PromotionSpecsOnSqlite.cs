namespace KpuTriage.Tests.Prompts;

public sealed class PromotionSpecsOnSqlite : PromotionSpecs
{
    protected override bool UsePostgres => false;
}
