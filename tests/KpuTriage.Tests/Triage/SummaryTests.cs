namespace KpuTriage.Tests.Triage;

public sealed class SummaryTests
{
    [Fact]
    public void Should_keep_at_most_three_sentences_in_the_letters_order()
    {
        var summary = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Summary.Value!;

        var sentences = summary.Split(". ", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(sentences.Length, 1, 3);
        Assert.Contains("mengundang Saudara untuk hadir", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_out_salutation_label_lines_and_the_closing_formula()
    {
        var summary = ShippedTaxonomy.Parse("""
            DEWAN PIMPINAN CABANG PARTAI MAJU BERSAMA
            KABUPATEN PURWAKARTA

            Nomor : 12/DPC-PMB/XI/2026
            Hal   : Penyampaian Perubahan Susunan Pengurus

            Yth. Ketua KPU Kabupaten Purwakarta

            Dengan hormat, bersama ini kami sampaikan perubahan susunan pengurus Dewan Pimpinan Cabang
            Partai Maju Bersama Kabupaten Purwakarta masa bakti 2026-2031.
            Ketua : Drs. H. Ujang Komarudin
            Sekretaris : Neneng Hasanah, S.Pd.
            Perubahan ini telah ditetapkan dalam musyawarah cabang pada tanggal 2 November 2026 dan
            kami mohon agar data kepengurusan di Sistem Informasi Partai Politik segera disesuaikan.
            Demikian kami sampaikan, atas perhatian Bapak kami ucapkan terima kasih.
            """).Summary.Value!;

        Assert.StartsWith("bersama ini kami sampaikan perubahan susunan pengurus", summary, StringComparison.Ordinal);
        Assert.Contains("kami mohon agar data kepengurusan", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Dengan hormat", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Ujang", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Demikian", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_end_a_sentence_at_an_abbreviation()
    {
        var summary = ShippedTaxonomy.Parse("""
            PEMERINTAH KABUPATEN PURWAKARTA
            DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL

            Hal : Data Penduduk Potensial Pemilih

            Sehubungan dengan surat Saudara No. 45/PL.01/3214/2026 tentang permintaan data, kami sampaikan data penduduk potensial pemilih per Kec. Cibatu dalam bentuk salinan elektronik.
            """).Summary.Value!;

        Assert.Equal(
            "Sehubungan dengan surat Saudara No. 45/PL.01/3214/2026 tentang permintaan data, kami sampaikan data penduduk potensial pemilih per Kec. Cibatu dalam bentuk salinan elektronik.",
            summary);
    }

    [Fact]
    public void Should_have_no_summary_when_the_letter_has_no_prose()
    {
        var fields = ShippedTaxonomy.Parse("""
            FORMULIR MODEL A
            Nama : Ahmad
            Alamat : Jl. Merdeka 1
            """);

        Assert.Null(fields.Summary.Value);
    }

    [Fact]
    public void Should_leave_out_the_kop_and_the_addressee_when_the_body_has_no_salutation()
    {
        var summary = ShippedTaxonomy.Parse(KpuTriage.Tests.Infrastructure.Letters.Undangan(1)).Summary.Value!;

        Assert.StartsWith("Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("KOMISI", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Yth", summary, StringComparison.Ordinal);
    }

    // A scan as OCR reads it: the kop's address line and the addressee list run into the body
    // (no blank line, no capitals), and the closing formula is the last sentence.
    private const string ScannedInvitation = """
        PEMERINTAH KABUPATEN JEPARA
        Jalan Pemuda Nomor 106 Telepon ( 0291 ) 591103 Fax 594173 JEPARA Kepala Dinas Kesehatan Kabupaten Jepara dan
        Kepala Bagian Kesra Setda Kabupaten Jepara di tempat, mohon maaf atas keterlambatan surat ini karena banyaknya agenda.
        Mengharap dengan hormat atas kehadiran Saudara dalam rapat koordinasi penanganan anak punk yang akan
        dilaksanakan pada hari Kamis, 16 Januari 2020 di Ruang Rapat Satpol PP.
        Demikian atas perhatian dan kehadirannya kami sampaikan terima kasih.
        """;

    [Fact]
    public void Should_say_what_the_letter_asks_and_leave_out_a_kop_line_and_the_closing_when_ocr_ran_them_into_the_body()
    {
        var summary = ShippedTaxonomy.Parse(ScannedInvitation).Summary.Value!;

        Assert.Contains("kehadiran Saudara dalam rapat koordinasi", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Telepon", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Demikian", summary, StringComparison.Ordinal);
    }
}
