namespace KpuTriage.Tests.Bounds;

public sealed class OcrStageSpecsOnSqlite : OcrStageSpecs
{
    protected override bool UsePostgres => false;
}
