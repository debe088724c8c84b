using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// The PDF standard security handler, revision 2 (RC4, 40-bit key), with an empty user
/// password and owner password "owner" (PDF 1.7, 7.6.3). Offices "secure" PDFs this way: any
/// reader opens them, and every stream is encrypted, so a filter sees the data only after
/// decryption.
/// </summary>
[SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms", Justification = "The PDF format prescribes MD5 and RC4 for this handler; the test writes such a file.")]
internal sealed class EmptyPasswordSecurity
{
    public const string FileId = "000102030405060708090A0B0C0D0E0F";

    private const int Permissions = -44;

    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    private readonly byte[] _owner;
    private readonly byte[] _user;
    private readonly byte[] _key;

    public EmptyPasswordSecurity()
    {
        _owner = Rc4(MD5.HashData([.. "owner"u8, .. Padding.AsSpan(0, 27)])[..5], Padding);
        var permissions = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(permissions, Permissions);
        _key = MD5.HashData([.. Padding, .. _owner, .. permissions, .. Convert.FromHexString(FileId)])[..5];
        _user = Rc4(_key, Padding);
    }

    public string Dictionary => string.Create(
        CultureInfo.InvariantCulture,
        $"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(_owner)}> /U <{Convert.ToHexString(_user)}> /P {Permissions} >>");

    /// <summary>A stream's data as it is stored in object <paramref name="objectNumber"/>, generation 0.</summary>
    public byte[] Encrypt(int objectNumber, byte[] data)
    {
        var number = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, objectNumber);
        return Rc4(MD5.HashData([.. _key, .. number.AsSpan(0, 3), 0, 0])[..10], data);
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + state[i] + key[i % key.Length]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + state[i]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
            output[n] = (byte)(data[n] ^ state[(state[i] + state[j]) & 0xFF]);
        }

        return output;
    }
}
