using System.Security.Cryptography;
using System.Text;

namespace KpuTriage.DevSet;

/// <summary>
/// PdfPig writes a random file identifier (<c>/ID [&lt;…&gt;&lt;…&gt;]</c>) into the trailer.
/// Replacing it, in place and at the same length, with a hash of the rest of the file keeps
/// a PDF the same from run to run without touching the offsets of its cross-reference table.
/// </summary>
internal static class PdfFileId
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("/ID [ <");

    public static byte[] MakeDeterministic(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf(Marker);
        if (at < 0)
        {
            return pdf;
        }

        var first = at + Marker.Length;
        var second = Array.IndexOf(pdf, (byte)'<', first) + 1;
        var length = Array.IndexOf(pdf, (byte)'>', first) - first;
        var copy = (byte[])pdf.Clone();
        copy.AsSpan(first, length).Fill((byte)'0');
        copy.AsSpan(second, length).Fill((byte)'0');
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(copy)));
        hex.AsSpan(0, length).CopyTo(copy.AsSpan(first, length));
        hex.AsSpan(0, length).CopyTo(copy.AsSpan(second, length));
        return copy;
    }
}
