using System.Buffers.Binary;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// An image's size as its header declares it, read without decoding a pixel. A 40-byte PNG
/// can claim 100000 × 100000 pixels and make a decoder ask for 30 GB, so the size is checked
/// before any tool sees the file. <see cref="Frames"/> counts TIFF pages; Width and Height are
/// the largest frame's.
/// </summary>
internal sealed record ImageHeader(long Width, long Height, int Frames)
{
    /// <summary>
    /// Pixels the decoder holds at once: the largest frame's, as Leptonica reads a TIFF page by
    /// page, but every frame's together for a GIF, which giflib reads whole before Leptonica
    /// takes the first.
    /// </summary>
    public long Pixels { get; init; } = Width * Height;

    /// <summary>Each frame's pixels, in order (one frame but a TIFF's), for the document's OCR pixel budget.</summary>
    public IReadOnlyList<long> FramePixels { get; init; } = [Width * Height];

    // By value, the frames' pixels included: a record compares a list by reference.
    public bool Equals(ImageHeader? other) =>
        other is not null && Width == other.Width && Height == other.Height && Frames == other.Frames
        && Pixels == other.Pixels && Defect == other.Defect && FramePixels.SequenceEqual(other.FramePixels);

    public override int GetHashCode() => HashCode.Combine(Width, Height, Frames, Pixels, Defect);

    /// <summary>Why the image must not be decoded though its size is fine (data a decoder would inflate for nothing), else null.</summary>
    public string? Defect { get; init; }

    /// <returns>The header, or null when the bytes are no PNG, JPEG, TIFF, GIF, BMP or WebP whose size can be read.</returns>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes, int maxFrames)
    {
        if (bytes.Length < 16)
        {
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png(bytes);
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
            return Gif(bytes);
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

    private static ImageHeader? Png(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 33 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var header = Single(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
        if (header is null)
        {
            return null;
        }

        // Deflate never makes data much larger, so compressed pixels beyond what the image can
        // hold are there to be inflated for nothing: libpng does inflate them, and 4 MB of
        // them kept tesseract busy for 16 s.
        var compressed = PngImageDataLength(bytes);
        var most = PngMostCompressedLength(header.Width, header.Height, bitDepth: bytes[24], colorType: bytes[25]);
        return compressed > most
            ? header with { Defect = $"the PNG holds {compressed} bytes of compressed pixels, more than {header.Width} × {header.Height} pixels can use" }
            : header;
    }

    private static long PngImageDataLength(ReadOnlySpan<byte> bytes)
    {
        long total = 0;
        var at = 8L;
        while (at + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)at..]);
            if (bytes[(int)(at + 4)..(int)(at + 8)].SequenceEqual("IDAT"u8))
            {
                total += length;
            }

            at += 12L + length; // length, type, data, CRC
        }

        return total;
    }

    // Each row is a filter byte and its packed samples; Adam7 interlacing adds a filter byte per
    // row of each of its seven passes. Deflate's worst case (stored blocks) adds 5 bytes per 64 KB,
    // zlib 6; the rest is slack.
    private static long PngMostCompressedLength(long width, long height, byte bitDepth, byte colorType)
    {
        var channels = colorType switch { 2 => 3, 4 => 2, 6 => 4, _ => 1 };
        var raw = height * (1 + (((width * channels * bitDepth) + 7) / 8));
        return raw + (7 * height) + (raw / 1024) + 1024;
    }

    // giflib reads every frame, each as big as its own descriptor says, which may be far larger
    // than the logical screen: a 98 KB GIF with a 10 × 10 screen and a 12000 × 12000 frame cost
    // tesseract 460 MB. So the frames are walked, their sizes summed.
    private static ImageHeader? Gif(ReadOnlySpan<byte> bytes)
    {
        long width = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        long height = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        long pixels = 0;
        var frames = 0;
        var at = 13 + ColorTableLength(bytes[10]);
        while (at < bytes.Length && bytes[at] != 0x3B)
        {
            if (bytes[at] == 0x21 && at + 2 < bytes.Length)
            {
                at = SkipSubBlocks(bytes, at + 2);
            }
            else if (bytes[at] == 0x2C && at + 10 < bytes.Length)
            {
                long frameWidth = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 5)..]);
                long frameHeight = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 7)..]);
                (width, height) = (Math.Max(width, frameWidth), Math.Max(height, frameHeight));
                pixels += frameWidth * frameHeight;
                frames++;
                at = SkipSubBlocks(bytes, at + 10 + ColorTableLength(bytes[at + 9]) + 1);
            }
            else
            {
                break; // damaged: giflib stops here too
            }
        }

        return frames == 0 || width == 0 || height == 0
            ? null
            : new ImageHeader(width, height, 1) { Pixels = Math.Max(width * height, pixels) };
    }

    private static int ColorTableLength(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);

    private static int SkipSubBlocks(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length && bytes[at] != 0)
        {
            at += bytes[at] + 1;
        }

        return at + 1;
    }

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
        var framePixels = new List<long>();
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
            framePixels.Add(width * height);
            if (width * height > largest)
            {
                (widest, tallest, largest) = (width, height, width * height);
            }

            offset = U32(bytes, start + 2 + (entries * 12), littleEndian);
        }

        return frames == 0 ? null : new ImageHeader(widest, tallest, frames) { FramePixels = framePixels };
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
