namespace KpuTriage.Tests.Ledger;

public sealed class LedgerTamperSpecsOnSqlite : LedgerTamperSpecs
{
    protected override bool UsePostgres => false;
}
