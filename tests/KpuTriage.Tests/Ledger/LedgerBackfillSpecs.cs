using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Ledger;

/// <summary>An office upgrading to the ledger: its accounts and what it committed before get entries on the first start, once.</summary>
public sealed class LedgerBackfillSpecs : OnEachStorage
{
    protected override bool UsePostgres => true;

    [Fact]
    public async Task Should_record_accounts_and_register_entries_that_existed_before_the_ledger_once_on_start()
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
        // admin, siti and budi, then the two decisions.
        Assert.Equal([.. Enumerable.Repeat(LedgerKinds.Account, 3), LedgerKinds.Decision, LedgerKinds.Decision], kinds);
        var verdict = await LedgerDesk.VerifyAsync(upgraded);
        Assert.True(verdict.Ok, verdict.Break?.Problem);
    }
}
