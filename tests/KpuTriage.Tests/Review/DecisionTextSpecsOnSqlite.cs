namespace KpuTriage.Tests.Review;

public sealed class DecisionTextSpecsOnSqlite : DecisionTextSpecs
{
    protected override bool UsePostgres => false;
}
