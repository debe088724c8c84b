using Xunit.Abstractions;

namespace KpuTriage.Tests.Ledger;

public sealed class LedgerConcurrencySpecsOnPostgres(ITestOutputHelper output) : LedgerConcurrencySpecs(output)
{
    protected override bool UsePostgres => true;
}
