namespace KpuTriage.Tests.ReviewDesk;

public sealed class ReviewFlowSpecsOnSqlite : ReviewFlowSpecs
{
    protected override bool UsePostgres => false;
}
