using System.Buffers.Binary;
using System.IO.Compression;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// Hostile images written byte by byte: headers that claim what no scanner makes, which
/// ImageMagick refuses to write. Each is well-formed where a decoder checks (CRCs, zlib).
/// </summary>
internal static class TestImages
{
    /// <summary>
    /// A PNG whose IHDR claims the given size over a little real data: a decoder trusting it
    /// would ask for width × height bytes before finding the data short.
    /// </summary>
    public static byte[] PngClaiming(uint width, uint height) => Png(width, height, inflatedBytes: 64 * 1024, CompressionLevel.Optimal);

    /// <summary>A 200 × 200 grey PNG whose image data inflates to <paramref name="inflatedBytes"/>, far more than its 40,200 bytes of rows.</summary>
    public static byte[] PngWithExcessData(long inflatedBytes) => Png(200, 200, inflatedBytes, CompressionLevel.Optimal);

    /// <summary>A grey PNG whose rows are stored, not compressed: the most data a PNG of that size can honestly hold.</summary>
    public static byte[] PngStored(uint width, uint height) => Png(width, height, inflatedBytes: height * (1L + width), CompressionLevel.NoCompression);

    /// <summary>A little-endian TIFF of <paramref name="frames"/> white 8-bit frames of the given size, each with its own IFD.</summary>
    public static byte[] Tiff(int frames, uint width, uint height)
    {
        // A frame's pixels are only written when they are few; a claimed giant has none.
        var pixels = (long)width * height <= 4096 ? (int)(width * height) : 0;
        using var tiff = new MemoryStream();
        tiff.Write("II*\0"u8);
        WriteUInt32(tiff, 8);
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (273, 4, 0), (277, 3, 1), (278, 4, height), (279, 4, (uint)pixels),
        ];
        for (var frame = 0; frame < frames; frame++)
        {
            var ifd = tiff.Position;
            var data = ifd + 2 + (entries.Length * 12) + 4;
            WriteUInt16(tiff, (ushort)entries.Length);
            foreach (var (tag, type, value) in entries)
            {
                WriteUInt16(tiff, tag);
                WriteUInt16(tiff, type);
                WriteUInt32(tiff, 1);
                WriteUInt32(tiff, tag == 273 ? (uint)data : value);
            }

            WriteUInt32(tiff, frame == frames - 1 ? 0 : (uint)(data + pixels));
            tiff.Write(Enumerable.Repeat((byte)0xFF, pixels).ToArray());
        }

        return tiff.ToArray();
    }

    /// <summary>
    /// A GIF whose logical screen is 10 × 10 but whose one frame claims the given size, over a
    /// token of LZW data: giflib sizes the frame by its own descriptor.
    /// </summary>
    public static byte[] GifWithFrame(ushort width, ushort height)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, 10);
        WriteUInt16(gif, 10);
        gif.Write([0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0]); // a two-colour global table
        gif.WriteByte(0x2C);
        WriteUInt16(gif, 0);
        WriteUInt16(gif, 0);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.Write([0, 2, 2, 0x44, 0x01, 0, 0x3B]); // no local table; LZW clear + end; trailer
        return gif.ToArray();
    }

    /// <summary>The JPEG with its frame header (SOF) claiming the given size.</summary>
    public static byte[] JpegClaiming(byte[] jpeg, ushort width, ushort height)
    {
        var patched = (byte[])jpeg.Clone();
        var at = 2;
        while (patched[at + 1] is not (0xC0 or 0xC1 or 0xC2))
        {
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(patched.AsSpan(at + 2));
        }

        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(at + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(at + 7), width);
        return patched;
    }

    private static byte[] Png(uint width, uint height, long inflatedBytes, CompressionLevel level)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // 8-bit grey
        Chunk(png, "IHDR"u8, ihdr);
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, level, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        Chunk(png, "IDAT"u8, data.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, byte[] body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)body.Length);
        png.Write(word);
        png.Write(type);
        png.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32([.. type, .. body]));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
