using Xunit.Abstractions;

namespace KpuTriage.Tests.Ledger;

public sealed class LedgerConcurrencySpecsOnSqlite(ITestOutputHelper output) : LedgerConcurrencySpecs(output)
{
    protected override bool UsePostgres => false;
}
