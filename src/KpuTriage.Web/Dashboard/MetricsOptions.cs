using System.ComponentModel.DataAnnotations;
using System.Net;

namespace KpuTriage.Web.Dashboard;

/// <summary>
/// Configuration section "Metrics": the Prometheus scrape endpoint at /metrics. Its figures are
/// counts and shares, no letter's content, but they are the office's business: a scraper is
/// let in by its address (AllowFrom) or by the scrape token, never by being on the network.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";
    public const string Path = "/metrics";

    /// <summary>Metrics:Enabled — false leaves /metrics unmapped and no gauge is kept.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Metrics:AllowFrom — addresses or networks (CIDR) that may scrape without a token; loopback
    /// when unset (a Prometheus or an agent on the same host); "none" lets no address in. Behind a
    /// proxy named in Web:KnownProxies the client's own address counts; a request that still
    /// carries a forwarding header is let in only by the token. (Unset rather than a default
    /// list: the configuration binder appends a
    /// configured list to a default one instead of replacing it.)
    /// </summary>
    public string[]? AllowFrom { get; set; }

    public IReadOnlyList<string> Allowed => AllowFrom is null ? ["127.0.0.0/8", "::1/128"] : [.. AllowFrom.Where(a => !string.IsNullOrWhiteSpace(a) && a.Trim() != "none").Select(a => a.Trim())];

    /// <summary>
    /// Metrics:ScrapeToken — when set (not empty), a scrape sending <c>Authorization: Bearer &lt;token&gt;</c>
    /// is let in from any address (Prometheus: <c>authorization: { credentials_file: … }</c>).
    /// </summary>
    public string? ScrapeToken { get; set; }

    public string? Token => string.IsNullOrEmpty(ScrapeToken) ? null : ScrapeToken;

    public IReadOnlyList<IPNetwork> Networks() =>
        [.. Allowed.Select(a => IPNetwork.Parse(a.Contains('/', StringComparison.Ordinal) ? a : HostNetwork(a)))];

    private static string HostNetwork(string address) =>
        IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address + "/128" : address + "/32";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in Allowed)
        {
            var entry = address;
            var valid = address.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(address, out _) : IPAddress.TryParse(address, out _);
            if (!valid)
            {
                yield return new ValidationResult($"Metrics:AllowFrom '{entry}' is not an address or a network (e.g. 10.0.0.5 or 10.0.0.0/24).", [nameof(AllowFrom)]);
            }
        }

        if (Token is { Length: < 24 })
        {
            yield return new ValidationResult("Metrics:ScrapeToken must be at least 24 characters (a random secret).", [nameof(ScrapeToken)]);
        }
    }
}
