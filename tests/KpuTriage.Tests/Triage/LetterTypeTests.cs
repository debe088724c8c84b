namespace KpuTriage.Tests.Triage;

public sealed class LetterTypeTests
{
    [Theory]
    [InlineData(SampleLetters.KpuProvinsiUndangan, "undangan")]
    [InlineData(SampleLetters.OcrNoise, "undangan")]
    [InlineData(SampleLetters.BlankDay, "undangan")]
    [InlineData(SampleLetters.NotaDinas, "nota_dinas")]
    [InlineData(SampleLetters.KeputusanDinsos, "keputusan")]
    [InlineData(SampleLetters.MultiLinePerihal, "surat_dinas")]
    [InlineData(SampleLetters.PermohonanInformasi, "permohonan_informasi")]
    public void Should_name_the_type_confidently_when_strong_hints_agree(string letter, string expected)
    {
        var type = ShippedTaxonomy.Parse(letter).LetterType;

        Assert.Equal(expected, type.Value);
        Assert.False(type.IsLowConfidence);
        Assert.NotNull(type.Evidence);
    }

    [Fact]
    public void Should_be_more_confident_when_number_and_subject_agree_than_with_the_number_alone()
    {
        var both = ShippedTaxonomy.Parse("Nomor : 270/PL.02.1-Und/3214/2025\nHal : Undangan Rapat Pleno").LetterType;
        var numberOnly = ShippedTaxonomy.Parse("Nomor : 270/PL.02.1-Und/3214/2025\nHal : Rapat Pleno").LetterType;

        Assert.Equal("undangan", both.Value);
        Assert.Equal("undangan", numberOnly.Value);
        Assert.True(both.Confidence > numberOnly.Confidence);
    }

    [Fact]
    public void Should_guess_surat_dinas_with_low_confidence_when_only_the_kop_hints_at_an_agency()
    {
        var type = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas).LetterType;

        Assert.Equal("surat_dinas", type.Value);
        Assert.True(type.IsLowConfidence);
    }

    [Fact]
    public void Should_lower_confidence_when_the_number_and_the_subject_disagree()
    {
        var type = ShippedTaxonomy.Parse("Nomor : 31/PP.01.1-SD/3214/2025\nHal : Undangan Rapat Pleno").LetterType;

        Assert.Equal("surat_dinas", type.Value);
        Assert.True(type.IsLowConfidence);
    }

    [Fact]
    public void Should_read_the_title_when_a_surat_edaran_names_itself()
    {
        var type = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM
            REPUBLIK INDONESIA

            SURAT EDARAN
            NOMOR 5 TAHUN 2025
            TENTANG
            PELAKSANAAN PEMUTAKHIRAN DATA PEMILIH BERKELANJUTAN
            """).LetterType;

        Assert.Equal("surat_edaran", type.Value);
        Assert.Equal("SURAT EDARAN", type.Evidence?.Quote);
    }

    [Fact]
    public void Should_propose_only_taxonomy_codes_when_any_sample_is_parsed()
    {
        var taxonomy = ShippedTaxonomy.Taxonomy;
        foreach (var letter in AllSamples())
        {
            var fields = ShippedTaxonomy.Parse(letter);

            Assert.True(fields.LetterType.Value is null || taxonomy.Allows("letterType", fields.LetterType.Value));
            Assert.True(taxonomy.Allows("urgency", fields.Urgency.Value!));
            Assert.True(taxonomy.Allows("security", fields.Security.Value!));
        }
    }

    internal static IEnumerable<string> AllSamples() =>
    [
        SampleLetters.KpuProvinsiUndangan, SampleLetters.BawasluSuratDinas, SampleLetters.PolresSangatRahasia,
        SampleLetters.PermohonanInformasi, SampleLetters.MultiLinePerihal, SampleLetters.BlankDay,
        SampleLetters.EnglishDate, SampleLetters.OcrNoise, SampleLetters.NotaDinas, SampleLetters.KeputusanDinsos,
    ];

    // A scanned invitation whose Perihal OCR lost: what it asks and the event it is about remain.
    private const string InvitationWithoutPerihal = """
        PEMERINTAH KABUPATEN JEPARA
        SEKRETARIAT DAERAH

        Jepara, 07 Februari 2020
        Nomor : 005/0053
        Sifat : Penting
        Perihal = eS Oy eit Na we

        Dengan hormat, dalam rangka pelaksanaan PMK No. 130/PMK.07/2019 mengharap dengan
        hormat atas kehadiran Saudara pada :
        Hari / Tanggal : Jumat, 14 Februari 2020
        Pukul : 09.00 WIB
        Tempat : Hotel Laras Asri, Salatiga
        Acara : Sosialisasi Pelaksanaan PMK
        """;

    [Fact]
    public void Should_name_an_invitation_confidently_when_its_body_asks_for_attendance_at_a_dated_event()
    {
        var type = ShippedTaxonomy.Parse(InvitationWithoutPerihal).LetterType;

        Assert.Equal("undangan", type.Value);
        Assert.False(type.IsLowConfidence);
        Assert.Contains("kehadiran Saudara", type.Evidence?.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_a_passing_mention_of_attendance_weak_when_the_body_gives_no_event()
    {
        var type = ShippedTaxonomy.Parse("""
            PEMERINTAH KABUPATEN JEPARA
            Nomor : 050/0013
            Perihal : Tindak lanjut

            Dengan hormat, terima kasih atas kehadiran Saudara pada rapat yang lalu. Bersama ini kami
            sampaikan hasil rapat tersebut.
            """).LetterType;

        Assert.True(type.IsLowConfidence);
    }

    [Theory]
    [InlineData("SURAT - PENGANTAR", "surat_pengantar")]
    [InlineData("SURAT PERINTA!", "surat_perintah")]
    [InlineData("SURAT PERINTAH TUGAS", "surat_tugas")]
    public void Should_read_the_title_of_a_scan_when_ocr_broke_or_cut_it(string title, string expected)
    {
        var type = ShippedTaxonomy.Parse($"PEMERINTAH KABUPATEN JEPARA\nDINAS KESEHATAN\n\n{title}\nNOMOR : 821.2/5264\n\nDasar : Keputusan Bupati Jepara").LetterType;

        Assert.Equal(expected, type.Value);
        Assert.False(type.IsLowConfidence);
    }

    [Fact]
    public void Should_not_take_a_law_named_in_capitals_for_an_invitations_title()
    {
        var type = ShippedTaxonomy.Parse("PEMERINTAH KABUPATEN JEPARA\n\nUNDANG-UNDANG NOMOR 7 TAHUN 2017\nNomor : 050/0013\nHal : Tindak lanjut").LetterType;

        Assert.NotEqual("undangan", type.Value);
    }

    [Fact]
    public void Should_not_take_a_summons_to_a_hearing_for_an_invitation()
    {
        var type = ShippedTaxonomy.Parse("""
            DEWAN KEHORMATAN PENYELENGGARA PEMILIHAN UMUM
            Nomor: 0142/PS.DKPP/SET-04/II/2026
            Hal: Panggilan Sidang Pemeriksaan Perkara
            Yth. Ketua KPU Kabupaten Purwakarta
            Bersama ini kami memanggil Saudara selaku Teradu untuk hadir dalam sidang pemeriksaan, pada:
            Hari/Tanggal: Rabu, 18 Februari 2026
            Waktu: 09.00 WIB
            Tempat: Kantor Bawaslu Provinsi Jawa Barat
            """).LetterType;

        Assert.NotEqual("undangan", type.Value);
    }

    [Fact]
    public void Should_keep_a_nota_dinas_confident_when_its_body_invites_to_a_meeting()
    {
        var type = ShippedTaxonomy.Parse("""
            DINAS KESEHATAN

            NOTA DINAS

            Kepada : Seluruh Pejabat Struktural
            Nomor : 005/8132
            Perihal : Bintek ambalan

            Dalam rangka bintek ambalan, kami mengharap kehadiran Saudara pada:
            Hari/Tanggal : Kamis, 14 November 2019
            Pukul : 08.00 WIB
            Tempat : Aula Dinas Kesehatan
            """).LetterType;

        Assert.Equal("nota_dinas", type.Value);
        Assert.False(type.IsLowConfidence);
    }
}
