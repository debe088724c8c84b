namespace KpuTriage.Tests.Review;

public sealed class FourEyesDeskSpecsOnPostgres : FourEyesDeskSpecs
{
    protected override bool UsePostgres => true;
}
