namespace KpuTriage.Tests.Ledger;

public sealed class LedgerTamperSpecsOnPostgres : LedgerTamperSpecs
{
    protected override bool UsePostgres => true;
}
