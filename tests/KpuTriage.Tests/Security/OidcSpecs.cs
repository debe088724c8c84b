using System.Security.Claims;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Security;

/// <summary>OpenID Connect by configuration: validated at start, roles only through the configured map. No identity provider is contacted.</summary>
public sealed class OidcSpecs
{
    private static OidcOptions Keycloak() => new()
    {
        Authority = "https://sso.kpu.example/realms/purwakarta",
        ClientId = "kputriage",
        Roles = new Dictionary<string, string> { ["pencatat"] = "clerk", ["kasubbag"] = "supervisor" },
    };

    [Fact]
    public void Should_map_provider_roles_to_desk_roles_and_ignore_unmapped_ones()
    {
        var claims = new[] { new Claim("roles", "kasubbag"), new Claim("roles", "offline_access"), new Claim("roles", "admin") };

        Assert.Equal(["supervisor"], OidcRoleMapping.Map(claims, Keycloak()));
    }

    [Fact]
    public void Should_read_roles_when_the_provider_sends_them_as_one_json_array()
    {
        var claims = new[] { new Claim("groups", """["pencatat","kasubbag"]""") };
        var options = Keycloak();
        options.RoleClaim = "groups";

        Assert.Equal(["clerk", "supervisor"], OidcRoleMapping.Map(claims, options));
    }

    [Fact]
    public async Task Should_stop_the_start_naming_the_key_when_the_client_id_is_missing()
    {
        using var data = new TempDirectory();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string> { ["Auth:Oidc:Authority"] = "https://sso.kpu.example/realms/x", ["Auth:Oidc:Roles:pencatat"] = "clerk" },
        }));

        Assert.Contains("Auth:Oidc:ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_the_start_when_a_provider_role_maps_to_no_desk_role()
    {
        using var data = new TempDirectory();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string>
            {
                ["Auth:Oidc:Authority"] = "https://sso.kpu.example/realms/x",
                ["Auth:Oidc:ClientId"] = "kputriage",
                ["Auth:Oidc:Roles:pencatat"] = "superuser",
            },
        }));

        Assert.Contains("Auth:Oidc:Roles:pencatat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_offer_the_provider_on_the_sign_in_page_when_configured()
    {
        using var data = new TempDirectory();
        await using var desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string>
            {
                ["Auth:Oidc:Authority"] = "https://sso.kpu.example/realms/x",
                ["Auth:Oidc:ClientId"] = "kputriage",
                ["Auth:Oidc:DisplayName"] = "Keycloak KPU",
                ["Auth:Oidc:Roles:pencatat"] = "clerk",
            },
        });
        var schemes = desk.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        using var anonymous = DeskSession.NewClient(desk);

        var login = await anonymous.GetStringAsync("/login");

        Assert.NotNull(await schemes.GetSchemeAsync(OidcSignIn.Scheme));
        Assert.Contains("Keycloak KPU", login, StringComparison.Ordinal);
    }
}
