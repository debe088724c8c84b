using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

public sealed class PiiTests
{
    private static IReadOnlyList<PiiSpan> Pii(string text) => ShippedTaxonomy.Parse(text).Pii;

    [Fact]
    public void Should_flag_the_nik_with_its_offset_when_a_citizen_gives_it()
    {
        var letter = SampleLetters.PermohonanInformasi;

        var nik = Assert.Single(Pii(letter), p => p.Kind == "NIK");

        Assert.Equal("3214015208900003", nik.Quote);
        Assert.Equal(1, nik.Page);
        Assert.Equal(letter.IndexOf("3214015208900003", StringComparison.Ordinal), nik.Start);
        Assert.Equal(16, nik.Length);
    }

    [Fact]
    public void Should_flag_a_womans_nik_when_the_day_has_forty_added()
    {
        Assert.Contains(Pii("NIK : 3214016512900001"), p => p.Kind == "NIK");
    }

    [Fact]
    public void Should_not_flag_a_nik_when_the_province_code_is_invalid()
    {
        Assert.Empty(Pii("NIK : 9914011208900003"));
    }

    [Fact]
    public void Should_not_flag_sixteen_digits_when_the_embedded_date_is_invalid()
    {
        Assert.Empty(Pii("Nomor rekening 3214013513900003"));
    }

    [Fact]
    public void Should_flag_a_kk_number_when_it_is_labelled_kartu_keluarga()
    {
        Assert.Contains(Pii("No. KK : 3214011203150007"), p => p.Kind == "KK" && p.Quote == "3214011203150007");
    }

    [Fact]
    public void Should_flag_the_nip_when_the_signer_prints_it()
    {
        var nip = Assert.Single(Pii(SampleLetters.UndanganAtasNama), p => p.Kind == "NIP");

        Assert.Equal("197805122005011003", nip.Quote);
    }

    [Fact]
    public void Should_flag_a_nip_when_it_is_printed_in_groups()
    {
        Assert.Contains(Pii("NIP. 19800101 200501 1 001"), p => p.Kind == "NIP" && p.Quote == "19800101 200501 1 001");
    }

    [Theory]
    [InlineData("No. HP : 0812-2345-6789", "0812-2345-6789")]
    [InlineData("WhatsApp +62 812 2345 6789", "+62 812 2345 6789")]
    [InlineData("Telepon 6281223456789 (WA)", "6281223456789")]
    public void Should_flag_a_mobile_number_when_it_is_written_in_any_indonesian_form(string text, string quote)
    {
        Assert.Contains(Pii(text), p => p.Kind == "phone" && p.Quote == quote);
    }

    [Fact]
    public void Should_flag_the_email_when_the_letter_gives_one()
    {
        Assert.Contains(Pii(SampleLetters.UndanganAtasNama), p => p.Kind == "email" && p.Quote == "kpu.purwakarta@gmail.com");
    }

    [Fact]
    public void Should_not_flag_the_letter_number_or_dates_when_they_are_full_of_digits()
    {
        Assert.Empty(Pii("Nomor : 1/PP.01.1-SD/5304/1/2025\nPurwakarta, 12-03-2025\nTanggal 17 Maret 2025"));
    }

    [Fact]
    public void Should_find_personal_data_on_later_pages_when_an_attachment_carries_it()
    {
        var pii = ShippedTaxonomy.Parse(SampleLetters.NotaDinas, "-", "-", "Nama : Budi\nNIK : 3214010101900001").Pii;

        Assert.Contains(pii, p => p.Kind == "NIK" && p.Page == 4);
    }
}
