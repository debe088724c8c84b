using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// A person signed in to both halves of the desk without a browser: the desk cookie from the
/// sign-in form (with its anti-forgery token) and a bearer token for the JSON API. Redirects
/// are not followed, so a test sees where a page sends it.
/// </summary>
internal static partial class DeskSession
{
    public static HttpClient NewClient(Desk desk, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = desk.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <param name="cookies">Where the desk cookie goes, for a test that copies it; a container of its own otherwise.</param>
    public static async Task<HttpClient> SignInAsync(Desk desk, string userName, string password, CookieContainer? cookies = null)
    {
        var client = NewClient(desk, cookies);
        var response = await PostFormAsync(client, "/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    /// <summary>GETs the page to take its anti-forgery token, then posts the form with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? formPage = null)
    {
        var form = await client.GetStringAsync(formPage ?? path);
        var token = Token(form) ?? throw new InvalidOperationException($"no anti-forgery token on {formPage ?? path}");
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
