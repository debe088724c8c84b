using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Review;

/// <summary>What the review specs do over HTTP again and again: submit a letter and wait for it, post a decision and read the answer.</summary>
internal static class DecisionCalls
{
    public const string SecondSupervisor = "rina";

    public static async Task<Guid> SubmitForReviewAsync(this Desk desk, string fileName, string text)
    {
        var id = await desk.SubmitOkAsync(fileName, Encoding.UTF8.GetBytes(text));
        await desk.WaitForStatusAsync(id, "in_review");
        return id;
    }

    /// <summary>Posts a decision; the answer's status and its JSON (a problem document when refused; an empty object when there is none).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> DecideAsync(this HttpClient client, Guid id, object decision)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/review/{id}/decision", decision);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement);
    }

    public static string? Code(this JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>Creates a second supervisor (and any other account) through the admin API.</summary>
    public static async Task AddPersonAsync(this Desk desk, string userName, params string[] roles)
    {
        using var admin = await desk.AdminAsync();
        using var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Desk.PeoplePassword, roles });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A letter like the ones offices receive, classed by <paramref name="sifat"/> and about <paramref name="hal"/>.</summary>
    public static string Letter(string sifat, string hal, int sequence = 1) => $"""
        BADAN PENGAWAS PEMILIHAN UMUM
        KABUPATEN PURWAKARTA

        Purwakarta, 3 Maret 2025

        Nomor    : {sequence}/PM.00.01/III/2025
        Sifat    : {sifat}
        Lampiran : -
        Hal      : {hal}

        Yth. Ketua KPU Kabupaten Purwakarta
        Dengan hormat, bersama ini kami sampaikan permohonan klarifikasi data pemilih ganda di beberapa desa.

        Ketua,
        Dedi Mulyadi
        """;
}
