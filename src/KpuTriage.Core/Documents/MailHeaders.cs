using System.Text;

namespace KpuTriage.Core.Documents;

/// <summary>
/// Recognises an RFC 822 message by its first bytes: a block of "Name: value" lines (with
/// folded continuations) naming at least two mail headers, one of which only a mail has.
/// Two are needed because a letter may well start with a line like "Hal: Undangan".
/// </summary>
internal static class MailHeaders
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Subject", "Date", "Message-ID", "MIME-Version", "Received",
        "Return-Path", "Delivered-To", "Reply-To", "Content-Type", "X-Mailer", "User-Agent",
    };

    private static readonly HashSet<string> OnlyInMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Message-ID", "MIME-Version", "Received", "Return-Path", "Delivered-To",
    };

    public static bool StartsWithHeaders(ReadOnlySpan<byte> head)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sawField = false;
        while (!head.IsEmpty)
        {
            var end = head.IndexOf((byte)'\n');
            if (end < 0)
            {
                // A line cut off by the end of what we were given proves nothing either way.
                break;
            }

            var line = head[..end].TrimEnd((byte)'\r');
            head = head[(end + 1)..];
            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (!sawField)
                {
                    return false;
                }

                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || !IsFieldName(line[..colon]))
            {
                return false;
            }

            sawField = true;
            var name = Encoding.ASCII.GetString(line[..colon]);
            if (Known.Contains(name))
            {
                found.Add(name);
            }
        }

        return found.Count >= 2 && found.Overlaps(OnlyInMail);
    }

    // RFC 5322 §2.2: printable US-ASCII except the colon; no spaces, so "Nomor : 1/2025" is not one.
    private static bool IsFieldName(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
        {
            if (b is < 0x21 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
