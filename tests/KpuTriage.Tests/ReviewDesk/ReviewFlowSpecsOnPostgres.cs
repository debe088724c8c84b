namespace KpuTriage.Tests.ReviewDesk;

public sealed class ReviewFlowSpecsOnPostgres : ReviewFlowSpecs
{
    protected override bool UsePostgres => true;
}
