using KpuTriage.Core.Evaluation;

namespace KpuTriage.Tests.Evaluation;

public sealed class LabelsFileSpecs
{
    private const string Header = "file\tletterNumber\tletterDate\tsender\tperihal\tletterType\turgency\tsecurity\tregister\tunit\tarchiveCode";

    [Fact]
    public void Should_read_the_contract_header_and_an_empty_cell_as_none()
    {
        var labels = LabelsFile.Parse($"{Header}\n07-bawaslu\t180/BAWASLU/2026\t2026-01-14\tBAWASLU\tPermintaan Data\tsurat_dinas\tsegera\tbiasa\tketua\tdiv_hukum\t\n");

        Assert.Equal(["letterNumber", "letterDate", "sender", "perihal", "letterType", "urgency", "security", "register", "unit", "archiveCode"], labels.Fields);
        var row = Assert.Single(labels.Rows);
        Assert.Equal("07-bawaslu", row.File);
        Assert.Equal("180/BAWASLU/2026", row.Expected["letterNumber"]);
        Assert.Equal("", row.Expected["archiveCode"]);
    }

    [Fact]
    public void Should_read_windows_line_ends_and_a_byte_order_mark()
    {
        var labels = LabelsFile.Parse("\uFEFFfile\tperihal\r\na\tUndangan\r\n\r\n");

        Assert.Equal("Undangan", Assert.Single(labels.Rows).Expected["perihal"]);
    }

    [Theory]
    [InlineData("07-bawaslu.pdf")]
    [InlineData("07-bawaslu.docx")]
    [InlineData("07-bawaslu.scan.jpg")]
    [InlineData("07-bawaslu.scan.pdf")]
    public void Should_label_every_rendering_of_a_letter_by_its_stem(string fileName)
    {
        var labels = LabelsFile.Parse("file\tperihal\n07-bawaslu\tPermintaan Data\n");

        Assert.Equal("07-bawaslu", labels.RowFor(fileName)?.File);
    }

    [Fact]
    public void Should_prefer_a_row_naming_the_full_file_name_over_the_stem()
    {
        var labels = LabelsFile.Parse("file\tperihal\n07-bawaslu\tPermintaan Data\n07-bawaslu.scan.jpg\tPermintaan\n");

        Assert.Equal("07-bawaslu.scan.jpg", labels.RowFor("07-bawaslu.scan.jpg")?.File);
        Assert.Equal("07-bawaslu", labels.RowFor("07-bawaslu.pdf")?.File);
        Assert.Null(labels.RowFor("08-dkpp.pdf"));
        Assert.Null(labels.RowFor("07-bawaslu-lampiran.pdf"));
    }

    [Fact]
    public void Should_keep_columns_naming_no_field_out_of_the_scores_and_list_them_when_a_set_has_notes()
    {
        var labels = LabelsFile.Parse("file\tletterNumber\thandwrittenNumber\tnomor\tnotes\na\tb\tyes\tc\tblurred photo\nd\te\tno\tf\t\n");

        Assert.Equal(["letterNumber"], labels.Fields);
        Assert.Equal(["handwrittenNumber", "nomor", "notes"], labels.IgnoredColumns);
        Assert.True(labels.RowFor("a")!.HandwrittenNumber);
        Assert.False(labels.RowFor("d")!.HandwrittenNumber);
    }

    [Fact]
    public void Should_refuse_a_header_whose_first_column_is_not_file()
    {
        var error = Assert.Throws<LabelsFileException>(() => LabelsFile.Parse("letterNumber\tperihal\nb\tc\n"));

        Assert.Contains("the first column must be 'file', not 'letterNumber'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_file_labelled_twice_naming_both_lines()
    {
        var error = Assert.Throws<LabelsFileException>(() => LabelsFile.Parse("file\tperihal\na\tx\nb\ty\na\tz\n", "dev.tsv"));

        Assert.Equal("dev.tsv line 4: 'a' is already labelled on line 2.", error.Message);
    }

    [Fact]
    public void Should_refuse_a_column_named_twice()
    {
        var error = Assert.Throws<LabelsFileException>(() => LabelsFile.Parse("file\tperihal\tperihal\na\tx\ty\n"));

        Assert.Contains("'perihal' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_row_with_a_missing_cell_naming_the_line()
    {
        var error = Assert.Throws<LabelsFileException>(() => LabelsFile.Parse("file\tletterNumber\tperihal\na\t1/X/2026\n"));

        Assert.StartsWith("labels.tsv line 2: 2 cells but the header has 3 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_empty_file()
    {
        Assert.Throws<LabelsFileException>(() => LabelsFile.Parse(""));
    }
}
