namespace KpuTriage.Tests.Blobs;

public sealed class FileRangeSpecsOnPostgres : FileRangeSpecs
{
    protected override bool UsePostgres => true;
}
