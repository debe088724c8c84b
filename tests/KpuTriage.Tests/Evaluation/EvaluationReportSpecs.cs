using KpuTriage.Core.Documents;
using KpuTriage.Core.Evaluation;

namespace KpuTriage.Tests.Evaluation;

public sealed class EvaluationReportSpecs
{
    private static readonly LabelsFile Labels = LabelsFile.Parse("file\tletterNumber\turgency\n01-kpu\t1/PL/2026\tsegera\n02-dkpp\t2/DKPP/2026\tbiasa\n99-hilang\t\t\n");

    private static readonly DocumentOutcome[] Documents =
    [
        Outcome("01-kpu.pdf", Rendering.Pdf, "1/PL/2026", 1.0),
        Outcome("01-kpu.scan.jpg", Rendering.Scan, "1/PL/2O26", 4.0),
        Outcome("02-dkpp.docx", Rendering.Docx, "2/DKPP/2026", 2.0),
        new("02-dkpp.scan.pdf", Rendering.Scan, "manual_triage", "no readable text", new Dictionary<string, string?>(), 3.0, "taxonomy:abc"),
        Outcome("lampiran.pdf", Rendering.Pdf, "9/X/2026", 5.0),
    ];

    private static readonly EvaluationReport Report = EvaluationReport.Build(Labels, Documents, [new RefusedFile("foto.heic", "not a supported type")], TimeSpan.FromSeconds(10));

    [Fact]
    public void Should_score_only_labelled_documents_but_count_every_document_for_manual_triage()
    {
        Assert.Equal(5, Report.Summary.Documents);
        Assert.Equal(4, Report.Summary.Scores.Letters);
        Assert.Equal(2, Report.Summary.Scores.Fields["letterNumber"].Exact);
        Assert.Equal(1, Report.Summary.ManualTriage.Count);
        Assert.Equal(0.2, Report.Summary.ManualTriage.Share);
        Assert.Equal(1, Report.Summary.ManualTriage.Reasons["no readable text"]);
    }

    [Fact]
    public void Should_group_by_rendering_in_a_fixed_order_with_its_own_scores()
    {
        Assert.Equal([Rendering.Docx, Rendering.Pdf, Rendering.Scan], Report.ByRendering.Keys);
        var scans = Report.ByRendering[Rendering.Scan];
        Assert.Equal(2, scans.Documents);
        Assert.Equal(0, scans.Scores.Fields["letterNumber"].Exact);
        Assert.Equal(0.5, scans.ManualTriage.Share);
        Assert.Equal(1, Report.ByRendering[Rendering.Pdf].Scores.Letters);
    }

    [Fact]
    public void Should_report_unlabelled_documents_labels_without_documents_and_refused_files()
    {
        Assert.Equal(["lampiran.pdf"], Report.UnlabelledDocuments);
        Assert.Equal(["99-hilang"], Report.UnmatchedLabels);
        Assert.Equal("foto.heic", Assert.Single(Report.Refused).File);
    }

    [Fact]
    public void Should_give_wall_clock_per_document_and_nearest_rank_percentiles_of_machine_time()
    {
        Assert.Equal(2.0, Report.SecondsPerDocument);
        Assert.Equal(new LatencySummary(5, 3.0, 5.0), Report.Summary.Latency);
        Assert.Equal(new LatencySummary(20, 10.0, 19.0), LatencySummary.From(Enumerable.Range(1, 20).Select(i => (double)i)));
    }

    [Fact]
    public void Should_list_each_documents_field_outcomes_against_its_label()
    {
        var scan = Report.Documents.Single(d => d.File == "01-kpu.scan.jpg");

        Assert.Equal("01-kpu", scan.Label);
        Assert.Equal(new FieldOutcome("1/PL/2026", "1/PL/2O26", false, false), scan.Fields["letterNumber"]);
        Assert.Empty(Report.Documents.Single(d => d.File == "lampiran.pdf").Fields);
    }

    [Theory]
    [InlineData("07-bawaslu.pdf", DocumentKind.Pdf, Rendering.Pdf)]
    [InlineData("07-bawaslu.scan.pdf", DocumentKind.Pdf, Rendering.Scan)]
    [InlineData("07-bawaslu.scan.jpg", DocumentKind.Image, Rendering.Scan)]
    [InlineData("foto-surat.png", DocumentKind.Image, Rendering.Scan)]
    [InlineData("07-bawaslu.docx", DocumentKind.Docx, Rendering.Docx)]
    [InlineData("07-bawaslu.txt", DocumentKind.Text, Rendering.Text)]
    public void Should_tell_the_rendering_from_the_name_and_kind(string fileName, DocumentKind kind, string rendering)
    {
        Assert.Equal(rendering, Rendering.Of(fileName, kind));
    }

    private static DocumentOutcome Outcome(string file, string rendering, string letterNumber, double seconds) =>
        new(file, rendering, "in_review", null, new Dictionary<string, string?> { ["letterNumber"] = letterNumber, ["urgency"] = "segera" }, seconds, "taxonomy:abc");
}
