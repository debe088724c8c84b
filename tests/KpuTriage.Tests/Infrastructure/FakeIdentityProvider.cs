using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1 that speaks the authorization-code flow the way
/// Keycloak does: discovery, signing keys, an authorize endpoint that signs in
/// <see cref="NextPerson"/> and form-posts the code back, a token endpoint that checks the
/// PKCE verifier, and userinfo. Tokens are RS256 JWTs signed with a key made at start.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "kputriage";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private readonly ConcurrentDictionary<string, Person> accessTokens = new();

    private FakeIdentityProvider(WebApplication app) => this.app = app;

    /// <summary>The issuer, as an office's realm: http://127.0.0.1:port/realms/kpu.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Who the provider signs in at the next authorize request.</summary>
    public Person NextPerson { get; set; } = new("dewi", ["pencatat"]);

    /// <summary>How many codes were exchanged for tokens, each with a PKCE verifier that matched.</summary>
    public int CodesExchanged => exchanged;

    private int exchanged;

    public sealed record Person(string UserName, IReadOnlyList<string> Roles);

    private sealed record Grant(Person Person, string ClientId, string RedirectUri, string? Nonce, string CodeChallenge);

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/realms/kpu");
        return provider;
    }

    private void Map(WebApplication web)
    {
        var realm = web.MapGroup("/realms/kpu");
        realm.MapGet("/.well-known/openid-configuration", () => Results.Content(
            $$"""
            {
              "issuer": "{{Authority}}",
              "authorization_endpoint": "{{Authority}}/protocol/openid-connect/auth",
              "token_endpoint": "{{Authority}}/protocol/openid-connect/token",
              "userinfo_endpoint": "{{Authority}}/protocol/openid-connect/userinfo",
              "jwks_uri": "{{Authority}}/protocol/openid-connect/certs",
              "response_types_supported": ["code"],
              "response_modes_supported": ["query", "form_post"],
              "subject_types_supported": ["public"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "code_challenge_methods_supported": ["S256"]
            }
            """,
            "application/json"));
        realm.MapGet("/protocol/openid-connect/certs", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        realm.MapGet("/protocol/openid-connect/auth", (HttpRequest request) => Authorize(request));
        realm.MapPost("/protocol/openid-connect/token", async (HttpRequest request) => Token(await request.ReadFormAsync()));
        realm.MapGet("/protocol/openid-connect/userinfo", (HttpRequest request) =>
            accessTokens.TryGetValue(request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal), out var person)
                ? Results.Json(new { sub = Subject(person), preferred_username = person.UserName, roles = person.Roles })
                : Results.Unauthorized());
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("unsupported authorization request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        grants[code] = new Grant(NextPerson, ClientId, query["redirect_uri"]!, query["nonce"], query["code_challenge"]!);
        var fields = new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] };
        if (query["response_mode"] != "form_post")
        {
            return Results.Redirect(QueryString(query["redirect_uri"]!, fields));
        }

        // Keycloak's form_post page: a form the browser submits to the desk on load.
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"));
        var html = $"<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{WebUtility.HtmlEncode(query["redirect_uri"])}\">{inputs}<noscript><button>Continue</button></noscript></form></body></html>";
        return Results.Content(html, "text/html");
    }

    private IResult Token(IFormCollection form)
    {
        if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var verifier = form["code_verifier"].ToString();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        if (challenge != grant.CodeChallenge || form["redirect_uri"] != grant.RedirectUri || form["client_id"] != grant.ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE, redirect URI or client does not match" }, statusCode: 400);
        }

        Interlocked.Increment(ref exchanged);
        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        accessTokens[accessToken] = grant.Person;
        var now = DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new("sub", Subject(grant.Person)),
            new("preferred_username", grant.Person.UserName),
        };
        claims.AddRange(grant.Person.Roles.Select(r => new Claim("roles", r)));
        if (grant.Nonce is not null)
        {
            claims.Add(new Claim("nonce", grant.Nonce));
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority.ToString(),
            Audience = ClientId,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static string Subject(Person person) => "f:" + person.UserName;

    private static string QueryString(string uri, Dictionary<string, string?> fields) =>
        uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value ?? "")}"));

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Rsa.Dispose();
    }
}
