namespace KpuTriage.Tests.Review;

public sealed class FourEyesSpecsOnPostgres : FourEyesSpecs
{
    protected override bool UsePostgres => true;
}
