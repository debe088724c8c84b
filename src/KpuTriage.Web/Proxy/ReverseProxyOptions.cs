using System.ComponentModel.DataAnnotations;
using System.Net;

namespace KpuTriage.Web.Proxy;

/// <summary>
/// Configuration section "Web": the reverse proxies (nginx, a load balancer) whose
/// X-Forwarded-For and X-Forwarded-Proto the desk believes. None by default: a header anyone
/// can send must not choose the client address the sign-in limit counts, nor make plain HTTP
/// look like HTTPS. (Unset rather than default lists: the configuration binder appends a
/// configured list to a default one instead of replacing it.)
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>Web:KnownProxies — the proxies' own addresses, e.g. 127.0.0.1 for an nginx on the same host.</summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>Web:KnownNetworks — networks (CIDR) of proxies, e.g. 10.0.5.0/24 for a pool of load balancers.</summary>
    public string[]? KnownNetworks { get; set; }

    public bool Configured => Entries(KnownProxies).Any() || Entries(KnownNetworks).Any();

    public IReadOnlyList<IPAddress> Proxies() => [.. Entries(KnownProxies).Select(IPAddress.Parse)];

    public IReadOnlyList<IPNetwork> Networks() => [.. Entries(KnownNetworks).Select(n => IPNetwork.Parse(n))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in Entries(KnownProxies).Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"Web:KnownProxies '{address}' is not an IP address (e.g. 127.0.0.1 or 10.0.5.4; a network goes in Web:KnownNetworks).", [nameof(KnownProxies)]);
        }

        foreach (var network in Entries(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Web:KnownNetworks '{network}' is not a network in CIDR form (e.g. 10.0.5.0/24).", [nameof(KnownNetworks)]);
        }
    }

    private static IEnumerable<string> Entries(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim());
}
