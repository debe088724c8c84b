namespace KpuTriage.Web.Proxy;

/// <summary>
/// Headers by which a proxy (or anyone pretending to be one) tells the client's address, host
/// or scheme. A request still carrying one was relayed by something the desk does not trust:
/// <see cref="ReverseProxy"/> has already taken those of a configured proxy off the request.
/// </summary>
public static class ForwardingHeaders
{
    private static readonly string[] Named =
    [
        "Forwarded", "Via", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP", "CF-Connecting-IP",
        "Fastly-Client-IP", "X-Cluster-Client-IP", "X-Original-Forwarded-For", "X-ProxyUser-Ip", "X-Envoy-External-Address",
    ];

    public static bool Present(IHeaderDictionary headers) =>
        headers.Keys.Any(name => name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
            || Named.Contains(name, StringComparer.OrdinalIgnoreCase));
}
