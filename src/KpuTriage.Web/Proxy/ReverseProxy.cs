using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Proxy;

/// <summary>
/// The desk behind a reverse proxy that ends TLS. From a proxy named in Web:KnownProxies or
/// Web:KnownNetworks, X-Forwarded-For gives the client's address (which the sign-in limit and
/// the metrics gate then see) and X-Forwarded-Proto the scheme, so behind HTTPS the session and
/// anti-forgery cookies are Secure and HSTS is sent. From anyone else both headers are ignored.
/// </summary>
public static class ReverseProxy
{
    public static IHostApplicationBuilder AddKpuTriageReverseProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>().Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what the office configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Proxies())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // Walk back through every configured proxy in a chain (load balancer → nginx → desk)
            // and stop at the first address that is not one: that is the client.
            forwarded.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseKpuTriageReverseProxy(this WebApplication app)
    {
        // Not even added without a configured proxy: ASP.NET Core's middleware with empty
        // KnownProxies and KnownIPNetworks believes every sender.
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Configured)
        {
            app.UseForwardedHeaders();
        }

        // Only on HTTPS requests, and never for localhost: plain loopback HTTP gets none.
        app.UseHsts();
        return app;
    }
}
