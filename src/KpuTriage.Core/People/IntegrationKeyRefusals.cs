using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.People;

/// <summary>Why an integration key was not made, in Bahasa Indonesia and English.</summary>
public static class IntegrationKeyRefusals
{
    public static Refusal NameInvalid(int maxLength) => new(
        "key-name-invalid",
        "nama integrasi harus 1 sampai {0} karakter: huruf, angka, spasi dan . _ - @ : /",
        "an integration name needs 1 to {0} characters: letters, digits, spaces and . _ - @ : /",
        [maxLength]);

    public static Refusal SourceInvalid(string source, int maxLength) => new(
        "key-source-invalid",
        "sumber '{0}' tidak sah: 1 sampai {1} karakter, huruf, angka, spasi dan . _ - @ : /",
        "source '{0}' is not valid: 1 to {1} characters, letters, digits, spaces and . _ - @ : /",
        [source, maxLength]);

    public static Refusal TooManySources(int max) => new(
        "key-sources-too-many",
        "satu kunci paling banyak mendapat {0} sumber tambahan.",
        "a key may have at most {0} further sources.",
        [max]);

    public static Refusal SourceReserved(string source) => new(
        "key-source-reserved",
        "sumber '{0}' milik kanal KpuTriage sendiri; kunci integrasi tidak boleh memakainya.",
        "source '{0}' belongs to a channel of KpuTriage itself; an integration key cannot use it.",
        [source]);

    public static Refusal SourceIsPerson(string source) => new(
        "key-source-is-person",
        "'{0}' adalah nama pengguna meja; kunci integrasi tidak boleh memakainya.",
        "'{0}' is the user name of a person at the desk; an integration key cannot use it.",
        [source]);
}
