using System.ComponentModel.DataAnnotations;
using System.Net;

namespace KpuTriage.Worker.Endpoints;

/// <summary>
/// Configuration section "Worker": where the worker serves /health and /metrics. They carry no
/// letter, but the counters are the office's business and nothing on the port asks who calls:
/// the address is the gate, so the default is loopback (a Prometheus agent or systemd's
/// watchdog on the same host), and a container binds 0.0.0.0 inside its own network namespace.
/// </summary>
public sealed class WorkerEndpointOptions : IValidatableObject
{
    public const string Section = "Worker";

    /// <summary>
    /// Worker:Listen — http://address:port, an IP address (or localhost) and a port (0 picks a
    /// free one). Not the web desk's Urls: both hosts read the same settings file, and several
    /// workers on one server need a port each.
    /// </summary>
    public string Listen { get; set; } = "http://127.0.0.1:8081";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Problem(Listen) is { } problem)
        {
            yield return new ValidationResult(
                $"Worker:Listen '{Listen}' {problem}: write http://address:port, e.g. http://127.0.0.1:8081 (or http://0.0.0.0:8081 in a container).",
                [nameof(Listen)]);
        }
    }

    private static string? Problem(string? listen)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return "is not an http:// address";
        }

        if (uri.PathAndQuery != "/" || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must be an address and a port, with no path";
        }

        return uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? null : "names a host, not an IP address";
    }
}
