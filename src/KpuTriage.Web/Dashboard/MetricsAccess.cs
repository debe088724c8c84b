using System.Net;
using System.Security.Cryptography;
using System.Text;
using KpuTriage.Web.Proxy;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Dashboard;

/// <summary>
/// The gate in front of the Prometheus exporter: an allowed address, or the scrape token; 403
/// otherwise. A request still carrying any forwarding header (X-Forwarded-*, Forwarded, X-Real-IP,
/// True-Client-IP…) is not let in by address: it came through a proxy the desk does not trust,
/// and behind a proxy on the same host every caller would look like loopback. Behind a proxy
/// in Web:KnownProxies the address is the client's own (<see cref="ReverseProxy"/>).
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> networks = options.Value.Networks();
    private readonly byte[]? token = options.Value.Token is { } t ? Encoding.UTF8.GetBytes("Bearer " + t) : null;

    public Task InvokeAsync(HttpContext context)
    {
        var proxied = ForwardingHeaders.Present(context.Request.Headers);
        if ((!proxied && FromAllowedAddress(context.Connection.RemoteIpAddress)) || CarriesToken(context.Request.Headers.Authorization.ToString()))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool FromAllowedAddress(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }

    private bool CarriesToken(string authorization) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization), token);
}
