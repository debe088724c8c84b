namespace KpuTriage.Tests.Blobs;

public sealed class FileRangeSpecsOnSqlite : FileRangeSpecs
{
    protected override bool UsePostgres => false;
}
