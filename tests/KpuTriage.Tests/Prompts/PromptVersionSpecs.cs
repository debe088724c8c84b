using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Prompts;

/// <summary>Prompt versions as the database holds them: seeded once from the files, never rewritten. Run once per storage provider.</summary>
public abstract class PromptVersionSpecs : OnEachStorage
{
    [Fact]
    public async Task Should_store_the_files_as_active_version_1_under_the_prompt_sets_name_when_the_desk_first_starts()
    {
        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);

        var versions = await desk.QueryAsync(db => db.PromptVersions.ToListAsync());

        var first = Assert.Single(versions);
        Assert.Equal(1, first.Number);
        Assert.Null(first.ParentNumber);
        Assert.Equal(PromptVersionState.Active, first.State);
        Assert.Equal(PromptVersion.FilesAuthor, first.Author);
        Assert.Equal(PromptSet.Load(PromptDesk.Shipped, Core.Triage.Taxonomy.Load(PromptDesk.Shipped)).Version, first.Label);
        Assert.Equal(PromptFiles.Read(PromptDesk.Shipped).LlmFiles, first.Files().LlmFiles);
        Assert.Equal("", first.Diff);
    }

    [Fact]
    public async Task Should_keep_the_versions_it_has_when_the_desk_starts_again()
    {
        await (await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString)).DisposeAsync();

        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);

        Assert.Equal(1, await desk.QueryAsync(db => db.PromptVersions.CountAsync()));
    }

    [Fact]
    public async Task Should_make_a_draft_with_its_diff_against_the_parent_when_an_admin_edits_a_version()
    {
        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);

        var draft = await desk.WithVersionsAsync(v => v.CreateDraftAsync(1, PromptDesk.Edited("Jawab singkat."), "ani", CancellationToken.None));

        var stored = await desk.QueryAsync(db => db.PromptVersions.SingleAsync(v => v.Number == 2));
        Assert.Equal((1, PromptVersionState.Draft, "ani"), (stored.ParentNumber!.Value, stored.State, stored.Author));
        Assert.Equal(PromptDesk.Edited("Jawab singkat.").Hash, stored.Hash);
        Assert.StartsWith("--- a/llm/system.md\n+++ b/llm/system.md\n@@ ", stored.Diff, StringComparison.Ordinal);
        Assert.Contains("\n+Jawab singkat.\n", stored.Diff, StringComparison.Ordinal);
        Assert.Equal(PromptVersionState.Active, (await desk.QueryAsync(db => db.PromptVersions.SingleAsync(v => v.Number == 1))).State);
        Assert.Equal(draft.Hash, stored.Hash);
    }

    [Fact]
    public async Task Should_refuse_to_save_a_change_to_a_stored_versions_text()
    {
        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => desk.QueryAsync(async db =>
        {
            var first = await db.PromptVersions.SingleAsync();
            db.Entry(first).Property(v => v.SystemPrompt).CurrentValue = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("prompt version 1 is immutable", error.Message, StringComparison.Ordinal);
        Assert.NotEqual("rewritten", (await desk.QueryAsync(db => db.PromptVersions.SingleAsync())).SystemPrompt);
    }

    [Fact]
    public async Task Should_refuse_an_edit_that_changes_nothing()
    {
        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);

        var refused = await Assert.ThrowsAsync<Core.Refusals.RefusedException>(() =>
            desk.WithVersionsAsync(v => v.CreateDraftAsync(1, PromptFiles.Read(PromptDesk.Shipped), "ani", CancellationToken.None)));

        Assert.Equal("unchanged", refused.Refusal.Code);
        Assert.Equal("isinya sama dengan versi 1: tidak ada yang berubah.", refused.Refusal.Text(indonesian: true));
    }

    [Fact]
    public async Task Should_refuse_an_edit_whose_taxonomy_does_not_read()
    {
        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString);
        var files = new PromptFiles(PromptFiles.Read(PromptDesk.Shipped).LlmFiles, "letter_types: [");

        var refused = await Assert.ThrowsAsync<Core.Refusals.RefusedException>(() =>
            desk.WithVersionsAsync(v => v.CreateDraftAsync(1, files, "ani", CancellationToken.None)));

        Assert.Equal("invalid-prompt", refused.Refusal.Code);
        Assert.Equal(1, await desk.QueryAsync(db => db.PromptVersions.CountAsync()));
    }

    [Fact]
    public async Task Should_store_edited_files_as_a_draft_of_the_folder_and_keep_the_active_version_when_the_desk_starts_again()
    {
        using var prompts = new TempDirectory();
        PromptDesk.CopyShipped(prompts.Path);
        await (await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, prompts: prompts.Path)).DisposeAsync();
        Directory.CreateDirectory(Path.Combine(prompts.Path, "office", "llm"));
        File.WriteAllText(Path.Combine(prompts.Path, "office", "llm", "user.md"), "Surat:\n{{letter}}\n");

        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, prompts: prompts.Path);

        var versions = await desk.QueryAsync(db => db.PromptVersions.OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([PromptVersionState.Active, PromptVersionState.Draft], versions.Select(v => v.State));
        Assert.Equal((PromptVersion.FilesAuthor, 1), (versions[1].Author, versions[1].ParentNumber!.Value));
        Assert.Equal(PromptFiles.Read(prompts.Path).Hash, versions[1].Hash);
        Assert.Contains("+++ b/llm/user.md", versions[1].Diff, StringComparison.Ordinal);
        Assert.Equal(1, await desk.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == Core.Ledger.LedgerKinds.PromptEdit)));
    }

    [Fact]
    public async Task Should_make_no_second_draft_when_the_edited_files_are_already_stored()
    {
        using var prompts = new TempDirectory();
        PromptDesk.CopyShipped(prompts.Path);
        await (await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, prompts: prompts.Path)).DisposeAsync();
        File.AppendAllText(Path.Combine(prompts.Path, "llm", "system.md"), "\nJawab singkat.\n");
        await (await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, prompts: prompts.Path)).DisposeAsync();

        await using var desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, prompts: prompts.Path);

        Assert.Equal(2, await desk.QueryAsync(db => db.PromptVersions.CountAsync()));
    }
}
