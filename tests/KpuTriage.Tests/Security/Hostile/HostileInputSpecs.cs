using KpuTriage.Core.Documents;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>
/// The hostile corpus against a running desk: each input gets exactly the answer it must —
/// a refusal with its code, or the letter kept and shown to a clerk with its reason — and the
/// desk keeps serving everyone else. One case per input, so a failure names the input.
/// </summary>
public sealed class HostileInputSpecs(HostileDesk hostile) : IClassFixture<HostileDesk>
{
    public static TheoryData<string> Files() => [.. HostileCorpus.Files(HostileLimits.Spec).Select(f => f.Kind)];

    public static TheoryData<string> Requests() => [.. HostileRequests.All.Select(r => r.Kind)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_answer_exactly_as_the_corpus_says_when_a_hostile_file_is_submitted(string kind)
    {
        var file = HostileCorpus.Files(HostileLimits.Spec).Single(f => f.Kind == kind);
        var answer = hostile.Answers[kind];

        switch (file.Expected)
        {
            case Refused refused:
                Assert.True(refused.Status == answer.Status && refused.Code == answer.Code,
                    $"expected {refused.Status} {refused.Code}, got {answer.Status} {answer.Code}: {answer.Body}");
                break;
            case ToClerk toClerk:
                var kept = await KeptAsync(answer);
                var reason = kept.Json.GetProperty("statusReason").GetString() ?? string.Empty;
                Assert.True(kept.Json.GetProperty("status").GetString() == DocumentStatus.ManualTriage.ToWire() && reason.StartsWith(toClerk.ReasonStart, StringComparison.Ordinal),
                    $"expected manual_triage '{toClerk.ReasonStart}…', got {kept.Json.GetProperty("status").GetString()} '{reason}'");
                break;
            case Proposed proposed:
                var document = await KeptAsync(answer);
                Assert.True(document.Json.GetProperty("status").GetString() == DocumentStatus.InReview.ToWire(),
                    $"expected in_review, got {document.Json.GetProperty("status").GetString()} '{document.Json.GetProperty("statusReason").GetString()}'");
                Assert.Null(proposed.Check?.Invoke(document));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Should_refuse_with_a_code_and_never_a_server_error_when_an_upload_is_broken(string kind)
    {
        var (_, _, status, code) = HostileRequests.All.Single(r => r.Kind == kind);
        var answer = hostile.Answers[kind];

        Assert.True(status == answer.Status && code == answer.Code, $"expected {status} {code}, got {answer.Status} {answer.Code}: {answer.Body}");
    }

    [Fact]
    public async Task Should_still_take_an_ordinary_letter_to_review_when_the_hostile_corpus_was_read()
    {
        var id = await hostile.Desk.SubmitOkAsync("biasa.txt", Infrastructure.Letters.UndanganBytes(40));

        var document = await hostile.Desk.WaitForStatusAsync(id, "in_review");

        Assert.Equal("40/PL.02.1-Und/32/2025", document.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
    }

    private async Task<KeptDocument> KeptAsync(HostileDesk.Answer answer)
    {
        Assert.True(answer.DocumentId is not null, $"expected the file kept (202), got {answer.Status} {answer.Code}: {answer.Body}");
        return await hostile.KeptAsync(answer.DocumentId.Value);
    }
}
