namespace KpuTriage.Tests.Review;

public sealed class FourEyesSpecsOnSqlite : FourEyesSpecs
{
    protected override bool UsePostgres => false;
}
