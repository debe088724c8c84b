using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Benchmarks.Hosts;

namespace KpuTriage.Benchmarks.Faults;

/// <summary>
/// Three clerks deciding letters in parallel over the review API, each its own share, while the
/// Web host is killed in the middle. A decision whose answer was lost is sent again; "already
/// decided" then means the first one landed. Every letter decided must be committed once.
/// </summary>
internal sealed class Clerks(FaultOffice office)
{
    private const string Password = "faults-clerk-password-0123";
    private static readonly string[] Names = ["siti", "rina", "agus"];
    private static readonly string[] ClerkRole = ["clerk"];

    private readonly ConcurrentDictionary<Guid, bool> decided = new();
    private int retries;

    public int Decided => decided.Count;
    public int Retries => retries;

    public async Task DecideAsync(IReadOnlyList<Guid> documents, CancellationToken ct)
    {
        using var admin = await SignInAsync("admin", FaultOffice.AdminPassword, ct);
        foreach (var name in Names)
        {
            var made = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = Password, roles = ClerkRole }, ct);
            if (made.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"could not make clerk {name}: {(int)made.StatusCode} {await made.Content.ReadAsStringAsync(ct)}");
            }
        }

        var killAt = documents.Count / 2;
        var webKill = Task.Run(async () =>
        {
            while (Decided < killAt)
            {
                await Task.Delay(50, ct);
            }

            Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} kill -9 web at {Decided} decisions");
            await office.Web.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await office.Web.RestartAsync();
            Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} web back");
        }, ct);
        await Task.WhenAll(Names.Select((name, n) => Task.Run(async () =>
        {
            using var clerk = await SignInAsync(name, Password, ct);
            for (var i = n; i < documents.Count; i += Names.Length)
            {
                await ApproveAsync(clerk, documents[i], ct);
            }
        }, ct)));
        await webKill;
    }

    private async Task ApproveAsync(HttpClient clerk, Guid document, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await clerk.PostAsJsonAsync($"/api/v1/review/{document}/decision", new { action = "approve" }, ct);
                if (response.IsSuccessStatusCode)
                {
                    decided[document] = true;
                    return;
                }

                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.Conflict && attempt > 0 && body.Contains("\"already-decided\"", StringComparison.Ordinal))
                {
                    // Decided already: the earlier attempt whose answer was lost landed.
                    decided[document] = true;
                    return;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"decision on {document} refused: {(int)response.StatusCode} {body}");
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Unknown outcome: the Web host died with the request. Send it again.
            }

            Interlocked.Increment(ref retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 << Math.Min(attempt, 4))), ct);
        }
    }

    private async Task<HttpClient> SignInAsync(string name, string password, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = office.Web.Address, Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password }, ct);
                if (response.IsSuccessStatusCode)
                {
                    var token = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return client;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{name} could not sign in: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException) when (attempt < 60)
            {
                // The Web host is starting again.
            }

            await Task.Delay(500, ct);
        }
    }
}
