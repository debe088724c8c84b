using System.Text;
using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Cli.Eval;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Cli;

/// <summary>
/// <c>kputriage eval</c> end to end: the real pipeline in a throw-away desk on a folder of
/// four documents — one undangan as plain text and as a text PDF (one label row for both), a
/// Bawaslu letter labelled with a deliberately wrong number, and a note too short to read —
/// plus a README that must be skipped and a label row with no document.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalCommandSpecs : IDisposable
{
    private const string Header = "file\tletterNumber\tletterDate\tperihal\tletterType\turgency\tsecurity";

    private readonly TempDirectory folder = new();
    private readonly TempDirectory output = new();

    public void Dispose()
    {
        folder.Dispose();
        output.Dispose();
    }

    [Fact]
    public async Task Should_score_every_document_against_its_label_and_write_the_numbers_as_json()
    {
        await WriteDevSetAsync();
        var json = Path.Combine(output.Path, "eval.json");

        var exitCode = await RunAsync(folder.Path, "--by-rendering", "--json", json);

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        var summary = report.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("documents").GetInt32());
        Assert.Equal(4, summary.GetProperty("scores").GetProperty("letters").GetInt32());

        var fields = summary.GetProperty("scores").GetProperty("fields");
        // 01-undangan.txt, 01-undangan.pdf and the empty note match; 02-bawaslu's label is wrong on purpose.
        Assert.Equal(3, fields.GetProperty("letterNumber").GetProperty("exact").GetInt32());
        Assert.Equal(3, fields.GetProperty("letterNumber").GetProperty("normalised").GetInt32());
        Assert.Equal(4, fields.GetProperty("letterDate").GetProperty("exact").GetInt32());
        Assert.Equal(4, fields.GetProperty("urgency").GetProperty("exact").GetInt32());
        var urgency = fields.GetProperty("urgency").GetProperty("confusion").GetProperty("counts");
        Assert.Equal(3, urgency.GetProperty("segera").GetProperty("segera").GetInt32());
        Assert.Equal(1, urgency.GetProperty("(none)").GetProperty("(none)").GetInt32());

        var manual = summary.GetProperty("manualTriage");
        Assert.Equal(1, manual.GetProperty("count").GetInt32());
        Assert.Equal(0.25, manual.GetProperty("share").GetDouble());
        Assert.Equal(1, manual.GetProperty("reasons").GetProperty("no readable text").GetInt32());
        Assert.Equal(4, summary.GetProperty("latency").GetProperty("documents").GetInt32());
        Assert.True(report.GetProperty("secondsPerDocument").GetDouble() > 0);

        var documents = report.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["01-undangan.pdf", "01-undangan.txt", "02-bawaslu.txt", "03-catatan.txt"], documents.Select(d => d.GetProperty("file").GetString()));
        Assert.All(documents, d => Assert.NotEqual(JsonValueKind.Null, d.GetProperty("label").ValueKind));
        var wrong = documents.Single(d => d.GetProperty("file").GetString() == "02-bawaslu.txt").GetProperty("fields").GetProperty("letterNumber");
        Assert.Equal("180/BAWASLU-PROV.JA-01/PM.00.01/I/2020", wrong.GetProperty("proposed").GetString());
        Assert.False(wrong.GetProperty("exact").GetBoolean());

        Assert.Equal(["99-hilang"], report.GetProperty("unmatchedLabels").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(report.GetProperty("unlabelledDocuments").EnumerateArray());
        var byRendering = report.GetProperty("byRendering");
        Assert.Equal(["pdf", "text"], byRendering.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, byRendering.GetProperty("pdf").GetProperty("scores").GetProperty("fields").GetProperty("letterNumber").GetProperty("exact").GetInt32());
    }

    [Fact]
    public async Task Should_run_and_list_the_columns_it_does_not_score_when_the_labels_carry_notes_and_a_sources_table()
    {
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "labels.tsv"),
            "file\tletterNumber\thandwrittenNumber\tnotes\n01-undangan\t11/PL.02.1-Und/32/2025\tno\ttyped, clean\n");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "SOURCES.tsv"), "file\trepository\n01-undangan.txt\tsomewhere\n");
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "01-undangan.txt"), Letters.UndanganBytes(11));
        var json = Path.Combine(output.Path, "eval.json");

        var exitCode = await RunAsync(folder.Path, "--json", json);

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        Assert.Equal(["handwrittenNumber", "notes"], report.GetProperty("ignoredColumns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, report.GetProperty("summary").GetProperty("documents").GetInt32());
        Assert.Equal(1, report.GetProperty("summary").GetProperty("scores").GetProperty("fields").GetProperty("letterNumber").GetProperty("exact").GetInt32());
        Assert.Equal(["text"], report.GetProperty("byKind").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Should_exit_with_2_when_the_folder_has_no_labels_file()
    {
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "01-undangan.txt"), Letters.UndanganBytes(11));

        Assert.Equal(2, await RunAsync(folder.Path));
        Assert.Equal(2, await RunAsync(Path.Combine(folder.Path, "tidak-ada")));
    }

    [Fact]
    public async Task Should_name_the_documents_still_unfinished_when_the_pipeline_does_not_finish_in_time()
    {
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "labels.tsv"), "file\tletterNumber\n");
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "01-undangan.txt"), Letters.UndanganBytes(12));
        var input = EvalInput.Read(folder.Path, null, null, null, null, out var error) ?? throw new InvalidOperationException(error);

        // No stage past intake runs, so the letter stays received.
        var result = await PipelineRun.RunAsync(input, _ => { }, TimeSpan.FromSeconds(2), new Dictionary<string, string> { ["Pipeline:Stages"] = "intake" }, CancellationToken.None);

        Assert.Equal([("01-undangan.txt", "received")], result.Unfinished);
        Assert.Empty(result.Documents);
    }

    private static Task<int> RunAsync(params string[] args) => CliCommands.Build(() => new HttpClient()).Parse(["eval", .. args]).InvokeAsync();

    private async Task WriteDevSetAsync()
    {
        var undangan = Letters.Undangan(11);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "01-undangan.txt"), undangan);
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "01-undangan.pdf"), TestPdfs.WithText(undangan.Split('\n')));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "02-bawaslu.txt"), SampleLetters.BawasluSuratDinas);
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "03-catatan.txt"), "Sudah diterima.");
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "README.md"), "# Set for the eval spec\n\nNot a letter; eval skips it.\n");
        string[] rows =
        [
            Header,
            "01-undangan\t11/PL.02.1-Und/32/2025\t2025-03-12\tUndangan Rapat Koordinasi Pemutakhiran Data Pemilih 11\tundangan\tsegera\tbiasa",
            "02-bawaslu\t180/BAWASLU-PROV.JA-01/PM.00.01/II/2020\t2020-01-14\tPermintaan Data Daftar Pemilih Tetap\tsurat_dinas\tsegera\tbiasa",
            "03-catatan\t\t\t\t\t\t",
            "99-hilang\t1/X/2026\t2026-01-02\tTidak Ada\tundangan\tbiasa\tbiasa",
        ];
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "labels.tsv"), string.Join('\n', rows) + "\n", Encoding.UTF8);
    }
}
