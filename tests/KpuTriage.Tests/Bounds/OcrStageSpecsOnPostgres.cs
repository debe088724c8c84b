namespace KpuTriage.Tests.Bounds;

public sealed class OcrStageSpecsOnPostgres : OcrStageSpecs
{
    protected override bool UsePostgres => true;
}
