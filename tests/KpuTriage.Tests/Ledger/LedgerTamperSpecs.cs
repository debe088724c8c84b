using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;

namespace KpuTriage.Tests.Ledger;

/// <summary>
/// Someone with write access to the database changes history; the verifier names the exact
/// entry and what changed. Run once per storage provider (the derived classes).
/// </summary>
public abstract class LedgerTamperSpecs : OnEachStorage
{
    private Desk desk = null!;
    private List<Guid> letters = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        desk = await Desk.StartAsync(LedgerDesk.Settings(DataDirectory, PostgresConnectionString));
        letters = await LedgerDesk.CommitAsync(desk, 1, 4);
    }

    public override async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_find_the_chain_intact_with_an_entry_for_every_commit_and_account_when_nothing_was_changed()
    {
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.True(verdict.Ok, verdict.Break?.Problem);
        var kinds = await desk.QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync());
        // admin (first run), siti and budi; then the four decisions, in commit order.
        Assert.Equal([.. Enumerable.Repeat(LedgerKinds.Account, 3), .. Enumerable.Repeat(LedgerKinds.Decision, 4)], kinds);
        Assert.Equal(7, verdict.EntriesChecked);
    }

    [Fact]
    public async Task Should_name_the_entry_and_the_field_when_a_committed_record_is_changed_in_the_database()
    {
        var entry = await LedgerDesk.EntryOfAsync(desk, letters[2]);

        await desk.QueryAsync(db => db.Register.Where(r => r.DocumentId == letters[2]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Perihal, "Perihal yang dipalsukan")));
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(entry, verdict.Break?.Sequence);
        Assert.Contains("final.perihal differs", verdict.Break!.Problem, StringComparison.Ordinal);
        Assert.Contains("Perihal yang dipalsukan", verdict.Break.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_entry_when_the_extracted_text_behind_a_decision_is_changed()
    {
        var entry = await LedgerDesk.EntryOfAsync(desk, letters[3]);

        await desk.QueryAsync(db => db.DocumentTexts.Where(t => t.DocumentId == letters[3]).ExecuteUpdateAsync(s => s.SetProperty(t => t.PagesJson, "[]")));
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(entry, verdict.Break?.Sequence);
        Assert.Contains("textSha256 differs", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_accounts_last_entry_when_its_roles_are_changed_around_the_ledger()
    {
        var entry = await desk.QueryAsync(db => db.LedgerEntries.Where(e => e.Kind == LedgerKinds.Account && e.Subject == Desk.ClerkName).MaxAsync(e => e.Sequence));

        await desk.QueryAsync(db => db.Users.Where(u => u.UserName == Desk.ClerkName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Roles, "clerk,admin")));
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(entry, verdict.Break?.Sequence);
        Assert.Contains($"entry {entry} (account {Desk.ClerkName}): the database now holds roles [admin,clerk], the ledger's last entry for it holds roles [clerk]",
            verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_missing_entry_when_an_entry_is_deleted()
    {
        var entry = await LedgerDesk.EntryOfAsync(desk, letters[1]);

        await LedgerDesk.ExecuteAsync(desk, $"""DELETE FROM "LedgerEntries" WHERE "Sequence" = {entry}""");
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(entry, verdict.Break?.Sequence);
        Assert.Contains($"entry {entry} is missing", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_entry_out_of_order_when_two_entries_are_swapped()
    {
        var (first, second) = (await LedgerDesk.EntryOfAsync(desk, letters[1]), await LedgerDesk.EntryOfAsync(desk, letters[2]));

        await LedgerDesk.ExecuteAsync(desk, $"""
            UPDATE "LedgerEntries" SET "Sequence" = -1 WHERE "Sequence" = {first};
            UPDATE "LedgerEntries" SET "Sequence" = {first} WHERE "Sequence" = {second};
            UPDATE "LedgerEntries" SET "Sequence" = {second} WHERE "Sequence" = -1;
            """);
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(first, verdict.Break?.Sequence);
        Assert.Contains($"entry {first} is out of order: it was chained after the entry now at {second}", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_entry_when_an_entry_itself_is_edited()
    {
        var entry = await LedgerDesk.EntryOfAsync(desk, letters[0]);

        await LedgerDesk.ExecuteAsync(desk, $"""UPDATE "LedgerEntries" SET "Subject" = '9999/2099' WHERE "Sequence" = {entry}""");
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(entry, verdict.Break?.Sequence);
        Assert.Contains($"entry {entry} (decision 9999/2099) was changed", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_checkpointed_entry_when_the_office_key_is_swapped()
    {
        var checkpoint = await LedgerDesk.CheckpointAsync(desk);
        await LedgerDesk.CommitAsync(desk, 5, 1);
        var keyPath = Path.Combine(DataDirectory, "ledger", "office-key.pem");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await File.WriteAllTextAsync(keyPath, other.ExportPkcs8PrivateKeyPem());
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(checkpoint.Sequence, verdict.Break?.Sequence);
        // The swapped key never announced by the old one is what a forged key looks like.
        Assert.Contains($"the checkpoint signed {LedgerTime.Format(checkpoint.SignedAt)} (this office's own) is signed with key {checkpoint.KeyId}, which no trusted key announced (the trusted key is the office key {OfficeKey.IdOf(other.ExportSubjectPublicKeyInfo())}",
            verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_missing_last_entry_when_the_chain_is_cut_short()
    {
        var last = await LedgerDesk.EntryOfAsync(desk, letters[3]);

        await LedgerDesk.ExecuteAsync(desk, $"""DELETE FROM "LedgerEntries" WHERE "Sequence" = {last}""");
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(last, verdict.Break?.Sequence);
        Assert.Contains($"entry {last} is missing: the chain ends at entry {last - 1}, but its head names entry {last}", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_the_last_verification_to_admins_with_the_first_broken_entry()
    {
        var entry = await LedgerDesk.EntryOfAsync(desk, letters[0]);
        await desk.QueryAsync(db => db.Register.Where(r => r.DocumentId == letters[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Sender, "Pengirim Lain")));
        using var admin = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);

        var before = await admin.GetStringAsync("/admin/ledger");
        await LedgerDesk.VerifyAsync(desk);
        var after = await admin.GetStringAsync("/admin/ledger");

        Assert.Contains("Buku besar belum pernah diperiksa.", before, StringComparison.Ordinal);
        Assert.Contains("Rusak: ada yang berubah sejak dicatat.", after, StringComparison.Ordinal);
        Assert.Contains($"<td>{entry}</td>", after, StringComparison.Ordinal);
        Assert.Contains("final.sender differs", after, StringComparison.Ordinal);
    }
}
