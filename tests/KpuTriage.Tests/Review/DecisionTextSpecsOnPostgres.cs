namespace KpuTriage.Tests.Review;

public sealed class DecisionTextSpecsOnPostgres : DecisionTextSpecs
{
    protected override bool UsePostgres => true;
}
