using System.Net;
using System.Text.RegularExpressions;

namespace KpuTriage.Tests.Security;

/// <summary>
/// A connect, or a datagram sent to an address, read from an strace log: where a process tried
/// to reach. A connect to a name service's socket (nscd, systemd-resolved, avahi) is a name
/// lookup, and counts like the DNS query it stands for; other local sockets do not leave the machine.
/// </summary>
internal sealed partial record OutboundAttempt(string Line, IPAddress? Address, int Port, string? SocketPath)
{
    private static readonly string[] NameServiceSockets =
        ["/var/run/nscd/", "/run/nscd/", "/run/systemd/resolve/", "/var/run/avahi-daemon/", "/run/avahi-daemon/"];

    public bool IsNameLookup => SocketPath is { } path && NameServiceSockets.Any(s => path.StartsWith(s, StringComparison.Ordinal));

    /// <summary>True when this stays on this machine at one of <paramref name="ports"/>, or is a local socket that is no name lookup.</summary>
    public bool StaysAt(IReadOnlySet<int> ports) =>
        Address is null ? !IsNameLookup : IPAddress.IsLoopback(Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address) && ports.Contains(Port);

    public static IReadOnlyList<OutboundAttempt> Read(string traceFile) =>
        [.. File.ReadLines(traceFile).Select(Parse).OfType<OutboundAttempt>()];

    private static OutboundAttempt? Parse(string line)
    {
        if (Inet().Match(line) is { Success: true } inet)
        {
            return new(line, IPAddress.Parse(inet.Groups["address"].Value), int.Parse(inet.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), null);
        }

        if (Inet6().Match(line) is { Success: true } inet6)
        {
            return new(line, IPAddress.Parse(inet6.Groups["address"].Value), int.Parse(inet6.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture), null);
        }

        if (Unix().Match(line) is { Success: true } unix)
        {
            return new(line, null, 0, unix.Groups["path"].Value);
        }

        // Netlink (the process asking the kernel for its interfaces) and sends on connected sockets name no address.
        return null;
    }

    [GeneratedRegex("""sa_family=AF_INET, sin_port=htons\((?<port>\d+)\), sin_addr=inet_addr\("(?<address>[^"]+)"\)""")]
    private static partial Regex Inet();

    [GeneratedRegex(@"sa_family=AF_INET6, sin6_port=htons\((?<port>\d+)\),.*?inet_pton\(AF_INET6, ""(?<address>[^""]+)""")]
    private static partial Regex Inet6();

    [GeneratedRegex(@"sa_family=AF_UNIX, sun_path=@?""(?<path>[^""]*)""")]
    private static partial Regex Unix();
}
