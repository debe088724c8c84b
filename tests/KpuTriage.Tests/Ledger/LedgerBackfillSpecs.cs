using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Ledger;

/// <summary>An office upgrading to the ledger: what it committed before gets entries on the first start, once.</summary>
public sealed class LedgerBackfillSpecs : OnEachStorage
{
    protected override bool UsePostgres => true;

    [Fact]
    public async Task Should_record_register_entries_committed_before_the_ledger_existed_once_on_start()
    {
        var settings = LedgerDesk.Settings(DataDirectory, PostgresConnectionString);
        await using (var before = await Desk.StartAsync(settings))
        {
            await LedgerDesk.CommitAsync(before, 1, 2);
            // The database as the Ledger migration leaves an older office's: records, an empty chain.
            await LedgerDesk.ExecuteAsync(before, """DELETE FROM "LedgerEntries"; UPDATE "LedgerHeads" SET "Sequence" = 0, "Hash" = '0000000000000000000000000000000000000000000000000000000000000000'""");
        }

        await using var upgraded = await Desk.StartAsync(settings);
        await using var again = await Desk.StartAsync(settings with { Stages = "" });

        var kinds = await upgraded.QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync());
        Assert.Equal([LedgerKinds.Decision, LedgerKinds.Decision], kinds);
        var verdict = await LedgerDesk.VerifyAsync(upgraded);
        Assert.True(verdict.Ok, verdict.Break?.Problem);
    }
}
