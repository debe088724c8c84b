using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

public sealed class TaxonomyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kpu-taxonomy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("urgency", "amat_segera", "Amat Segera (hari itu juga)")]
    [InlineData("unit", "div_rendatin", "Divisi Perencanaan, Data dan Informasi")]
    [InlineData("dispositionAction", "tindak_lanjut", "Tindak lanjuti")]
    [InlineData("urgency", "kilat_sekali", "kilat_sekali")]
    [InlineData("perihal", "Undangan Rapat", "Undangan Rapat")]
    public void Should_name_a_code_as_the_office_does_and_leave_anything_else_as_it_is(string field, string code, string shown)
    {
        Assert.Equal(shown, ShippedTaxonomy.Taxonomy.NameOf(field, code));
    }

    // The letter types DOMAIN.md lists, by the words of their Indonesian names.
    [Theory]
    [InlineData("Surat Dinas")]
    [InlineData("Undangan")]
    [InlineData("Nota Dinas")]
    [InlineData("Memorandum")]
    [InlineData("Surat Edaran")]
    [InlineData("Keputusan")]
    [InlineData("Surat Perintah")]
    [InlineData("Surat Tugas")]
    [InlineData("Berita Acara")]
    [InlineData("Laporan")]
    [InlineData("Surat Keterangan")]
    [InlineData("Surat Pengantar")]
    [InlineData("Pengumuman")]
    [InlineData("Surat Kuasa")]
    [InlineData("Notula")]
    [InlineData("Permohonan Informasi Publik")]
    [InlineData("Keberatan")]
    [InlineData("Pengaduan Masyarakat")]
    [InlineData("Tanggapan Masyarakat")]
    [InlineData("Perorangan")]
    public void Should_list_the_letter_type_when_domain_md_names_it(string name)
    {
        Assert.Contains(ShippedTaxonomy.Taxonomy.LetterTypes, t => t.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("surat_dinas", "SD")]
    [InlineData("undangan", "Und")]
    [InlineData("keputusan", "Kpt")]
    public void Should_carry_the_kpu_number_suffix_when_domain_md_names_one(string code, string suffix)
    {
        Assert.Contains(suffix, ShippedTaxonomy.Taxonomy.LetterTypes.Single(t => t.Code == code).NumberSuffixes);
    }

    [Fact]
    public void Should_hold_the_urgency_and_security_classes_of_the_regulation_when_the_shipped_file_loads()
    {
        var taxonomy = ShippedTaxonomy.Taxonomy;

        Assert.Equal(["biasa", "segera", "amat_segera"], taxonomy.UrgencyCodes);
        Assert.Equal(["biasa", "terbatas", "rahasia", "sangat_rahasia"], taxonomy.SecurityCodes);
        Assert.Contains(taxonomy.UrgencyPhrases, p => p is { Phrase: "Kilat", Code: "amat_segera", Approximate: false });
        Assert.Contains(taxonomy.UrgencyPhrases, p => p is { Phrase: "Perlu Perhatian Khusus", Approximate: true });
        Assert.Equal(["ketua", "sekretaris"], taxonomy.Registers.Select(r => r.Code));
        Assert.Contains(taxonomy.Units, u => u.Register == "sekretaris" && u.Name.Contains("Keuangan", StringComparison.Ordinal));
        Assert.Contains(taxonomy.ArchiveCodes, a => a.Code == "PL");
    }

    [Theory]
    [InlineData("letterType", "undangan", true)]
    [InlineData("letterType", "surat_cinta", false)]
    [InlineData("urgency", "amat_segera", true)]
    [InlineData("urgency", "Segera", false)]
    [InlineData("security", "sangat_rahasia", true)]
    [InlineData("security", "top_secret", false)]
    [InlineData("perihal", "anything at all", true)]
    public void Should_allow_only_taxonomy_codes_when_the_field_takes_codes(string field, string value, bool allowed)
    {
        Assert.Equal(allowed, ShippedTaxonomy.Taxonomy.Allows(field, value));
    }

    [Fact]
    public void Should_change_version_when_the_file_changes()
    {
        var shipped = File.ReadAllText(Path.Combine(ShippedTaxonomy.Directory, Taxonomy.FileName));
        File.WriteAllText(Path.Combine(_directory, Taxonomy.FileName), shipped + "\n# edited by the office\n");

        var edited = Taxonomy.Load(_directory);

        Assert.Matches("^[0-9a-f]{12}$", edited.Version);
        Assert.NotEqual(ShippedTaxonomy.Taxonomy.Version, edited.Version);
    }

    [Fact]
    public void Should_name_the_file_and_line_when_the_yaml_is_malformed()
    {
        var path = Path.Combine(_directory, Taxonomy.FileName);
        File.WriteAllText(path, "letter_types:\n  - code: undangan\n    name: [Surat Undangan\n");

        var error = Assert.Throws<InvalidDataException>(() => Taxonomy.Load(_directory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_file_and_line_when_the_indentation_is_broken()
    {
        var path = Path.Combine(_directory, Taxonomy.FileName);
        File.WriteAllText(path, "letter_types:\n  - code: undangan\n   name: Surat Undangan\n");

        var error = Assert.Throws<InvalidDataException>(() => Taxonomy.Load(_directory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_every_problem_when_the_yaml_is_valid_but_incomplete()
    {
        File.WriteAllText(Path.Combine(_directory, Taxonomy.FileName), """
            letter_types:
              - code: undangan
                name: Surat Undangan
            urgency:
              default: normal
              codes:
                - code: biasa
                  name: Biasa
            registers:
              - code: ketua
                name: Ketua
            """);

        var error = Assert.Throws<InvalidDataException>(() => Taxonomy.Load(_directory));

        Assert.Contains(Taxonomy.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("'urgency.default'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'security.codes' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_file_when_a_key_is_misspelt()
    {
        var shipped = File.ReadAllText(Path.Combine(ShippedTaxonomy.Directory, Taxonomy.FileName));
        File.WriteAllText(Path.Combine(_directory, Taxonomy.FileName), shipped.Replace("letterhead_words:", "letterhead_word:", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => Taxonomy.Load(_directory));

        Assert.Contains(Taxonomy.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("letterhead_word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_missing_file_and_the_setting_when_the_directory_has_no_taxonomy()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Taxonomy.Load(_directory));

        Assert.Contains(Path.Combine(_directory, Taxonomy.FileName), error.Message, StringComparison.Ordinal);
        Assert.Contains("Prompts:Directory", error.Message, StringComparison.Ordinal);
    }
}
