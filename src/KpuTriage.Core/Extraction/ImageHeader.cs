using System.Buffers.Binary;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// An image's size as its header declares it, read without decoding a pixel. A 40-byte PNG
/// can claim 100000 × 100000 pixels and make a decoder ask for 30 GB, so the size is checked
/// before any tool sees the file. <see cref="Frames"/> counts TIFF pages; <see cref="Pixels"/>
/// is the largest frame's.
/// </summary>
internal sealed record ImageHeader(long Width, long Height, int Frames)
{
    public long Pixels => Width * Height;

    /// <returns>The header, or null when the bytes are no PNG, JPEG, TIFF, GIF, BMP or WebP whose size can be read.</returns>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes, int maxFrames)
    {
        if (bytes.Length < 16)
        {
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8)
                ? Single(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]))
                : null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]))
        {
            return Jpeg(bytes);
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return Tiff(bytes, bytes[0] == (byte)'I', maxFrames);
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            // Leptonica reads the first frame only, which fits the logical screen.
            return Single(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
        }

        if (bytes.StartsWith("BM"u8) && bytes.Length >= 26)
        {
            return BinaryPrimitives.ReadInt32LittleEndian(bytes[14..]) == 12
                ? Single(BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[20..]))
                : Single(Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(bytes[18..])), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(bytes[22..])));
        }

        if (bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) && bytes.Length >= 30)
        {
            return WebP(bytes);
        }

        return null;
    }

    private static ImageHeader? Single(long width, long height) =>
        width > 0 && height > 0 ? new ImageHeader(width, height, 1) : null;

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return null; // end of image or scan data before any frame header
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                return at + 9 <= bytes.Length
                    ? Single(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]))
                    : null;
            }

            if (length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static ImageHeader? Tiff(ReadOnlySpan<byte> bytes, bool littleEndian, int maxFrames)
    {
        long widest = 0, tallest = 0, largest = 0;
        var frames = 0;
        var visited = new HashSet<uint>();
        var offset = U32(bytes, 4, littleEndian);
        // One frame past the limit is enough to know the file has too many; the visited set
        // stops an IFD chain that loops back on itself.
        while (offset != 0 && frames <= maxFrames && visited.Add(offset))
        {
            if (offset > bytes.Length - 2)
            {
                return null;
            }

            var start = (int)offset;
            var entries = U16(bytes, start, littleEndian);
            if (start + 2 + (entries * 12) + 4 > bytes.Length)
            {
                return null;
            }

            long width = 0, height = 0;
            for (var i = 0; i < entries; i++)
            {
                var entry = start + 2 + (i * 12);
                var tag = U16(bytes, entry, littleEndian);
                if (tag is not (256 or 257))
                {
                    continue;
                }

                long value = U16(bytes, entry + 2, littleEndian) == 3 ? U16(bytes, entry + 8, littleEndian) : U32(bytes, entry + 8, littleEndian);
                if (tag == 256)
                {
                    width = value;
                }
                else
                {
                    height = value;
                }
            }

            if (width <= 0 || height <= 0)
            {
                return null;
            }

            frames++;
            if (width * height > largest)
            {
                (widest, tallest, largest) = (width, height, width * height);
            }

            offset = U32(bytes, start + 2 + (entries * 12), littleEndian);
        }

        return frames == 0 ? null : new ImageHeader(widest, tallest, frames);
    }

    private static uint U32(ReadOnlySpan<byte> bytes, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);

    private static ushort U16(ReadOnlySpan<byte> bytes, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

    private static ImageHeader? WebP(ReadOnlySpan<byte> bytes)
    {
        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return Single(1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)), 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)));
        }

        if (chunk.SequenceEqual("VP8L"u8) && bytes[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return Single(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        if (chunk.SequenceEqual("VP8 "u8) && bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A)
        {
            return Single(BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        }

        return null;
    }
}
