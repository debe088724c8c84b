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
    /// by default (a Prometheus or an agent on the same host). Behind a reverse proxy every caller
    /// has the proxy's address: block /metrics there, or empty this list and use the token.
    /// </summary>
    public string[] AllowFrom { get; set; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>
    /// Metrics:ScrapeToken — when set, a scrape sending <c>Authorization: Bearer &lt;token&gt;</c> is let in
    /// from any address (Prometheus: <c>authorization: { credentials_file: … }</c>).
    /// </summary>
    public string? ScrapeToken { get; set; }

    public IReadOnlyList<IPNetwork> Networks() =>
        [.. AllowFrom.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => IPNetwork.Parse(a.Contains('/', StringComparison.Ordinal) ? a.Trim() : HostNetwork(a.Trim())))];

    private static string HostNetwork(string address) =>
        IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address + "/128" : address + "/32";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowFrom.Where(a => !string.IsNullOrWhiteSpace(a)))
        {
            var address = entry.Trim();
            var valid = address.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(address, out _) : IPAddress.TryParse(address, out _);
            if (!valid)
            {
                yield return new ValidationResult($"Metrics:AllowFrom '{entry}' is not an address or a network (e.g. 10.0.0.5 or 10.0.0.0/24).", [nameof(AllowFrom)]);
            }
        }

        if (ScrapeToken is { } token && token.Length < 24)
        {
            yield return new ValidationResult("Metrics:ScrapeToken must be at least 24 characters (a random secret).", [nameof(ScrapeToken)]);
        }
    }
}
