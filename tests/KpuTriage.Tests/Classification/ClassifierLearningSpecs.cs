using System.Net;
using System.Net.Http.Json;
using System.Text;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Classification;

/// <summary>
/// The local classifier learns the office's own routing from clerks' approvals. The seed set
/// here sends hall-loan requests to the household subsection (subbag_kul); this office sends
/// those from youth groups to public relations (subbag_parmas). After clerks correct eight
/// such letters, the scheduled retrain must route the ninth the office's way.
/// </summary>
public sealed class ClassifierLearningSpecs : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory prompts = new();

    public void Dispose()
    {
        data.Dispose();
        prompts.Dispose();
    }

    [Fact]
    public async Task Should_route_like_the_clerks_after_retraining_on_their_approvals()
    {
        await using var desk = await SeedPrompts.StartDeskAsync(data.Path, prompts.Path, retrainInterval: "00:00:01");
        using var clerk = await desk.ClerkAsync();

        var before = await ProposeAsync(desk, 0);
        Assert.Equal("subbag_kul", before.Unit);

        for (var i = 1; i <= 8; i++)
        {
            var letter = await ProposeAsync(desk, i);
            var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{letter.Id}/decision", new
            {
                action = "approve_with_corrections",
                corrections = new Dictionary<string, string> { ["register"] = "sekretaris", ["unit"] = "subbag_parmas" },
            });
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        }

        var retrained = await WaitForModelAsync(desk, approvedExamples: 8);
        var after = await ProposeAsync(desk, 9);

        Assert.Equal("subbag_parmas", after.Unit);
        Assert.EndsWith(retrained, after.Model, StringComparison.Ordinal);
        Assert.NotEqual(before.Model, after.Model);
    }

    private static async Task<(Guid Id, string? Unit, string Model)> ProposeAsync(Desk desk, int n)
    {
        var id = await desk.SubmitOkAsync($"aula-{n}.txt", Encoding.UTF8.GetBytes(HallLoan(n)));
        var document = await desk.WaitForStatusAsync(id, "in_review");
        var proposal = document.GetProperty("proposal");
        var unit = proposal.GetProperty("fields").GetProperty("unit").GetProperty("value").GetString();
        return (id, unit, proposal.GetProperty("model").GetString()!);
    }

    private static async Task<string> WaitForModelAsync(Desk desk, int approvedExamples)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var model = await desk.QueryAsync(db => db.ClassifierModels.AsNoTracking()
                .Where(m => m.ApprovedExamples >= approvedExamples)
                .Select(m => (Guid?)m.Id)
                .FirstOrDefaultAsync());
            if (model is { } id)
            {
                // Give every process's reload tick time to pick it up.
                await Task.Delay(TimeSpan.FromSeconds(2.5));
                return id.ToString("N")[^8..];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no classifier model learned from {approvedExamples} approvals within 60 s");
    }

    private static string HallLoan(int n) => $"""
        KARANG TARUNA DESA CIPINANG {n}
        KECAMATAN CIBATU KABUPATEN PURWAKARTA
        Jalan Raya Cibatu Nomor {n}, Purwakarta

        Nomor    : {n:D2}/KT-CPN/XI/2026                       Purwakarta, 3 November 2026
        Lampiran : -
        Perihal  : Permohonan Peminjaman Aula

        Yth. Sekretaris KPU Kabupaten Purwakarta
        di Tempat

        Dengan hormat,
        Sehubungan dengan kegiatan pentas pemuda desa, kami bermaksud meminjam aula kantor
        KPU Kabupaten Purwakarta untuk kegiatan tersebut. Kami akan menjaga kebersihan aula
        dan peralatan yang dipinjam selama kegiatan berlangsung.

        Demikian permohonan ini kami sampaikan, atas perhatiannya kami ucapkan terima kasih.

        Ketua Karang Taruna,

        Asep Sunandar
        """;
}
