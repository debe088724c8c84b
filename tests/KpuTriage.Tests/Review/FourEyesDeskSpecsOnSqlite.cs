namespace KpuTriage.Tests.Review;

public sealed class FourEyesDeskSpecsOnSqlite : FourEyesDeskSpecs
{
    protected override bool UsePostgres => false;
}
