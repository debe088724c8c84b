using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Upload bodies no well-behaved client sends, written byte by byte: each gets a 400 that says
/// the body is malformed, never a 500 nor a 413 that blames a size the body does not have.
/// </summary>
public sealed class MalformedMultipartSpecs : IAsyncLifetime
{
    private const string Boundary = "----kputriage-batas";

    private readonly TempDirectory data = new();
    private Desk desk = null!;

    public async Task InitializeAsync() =>
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = new Dictionary<string, string> { ["Intake:MaxBytes"] = "1000" } });

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    public static TheoryData<string, string> Bodies => new()
    {
        {
            "no closing boundary",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat.txt\"\r\nContent-Type: text/plain\r\n\r\nDengan hormat,\r\n"
        },
        {
            "a header line without a colon",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat.txt\"\r\nbaris tanpa titik dua\r\n\r\nDengan hormat,\r\n--{Boundary}--\r\n"
        },
        {
            "a raw quote in the file name",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"surat\"resmi.txt\"\r\nContent-Type: text/plain\r\n\r\nDengan hormat,\r\n--{Boundary}--\r\n"
        },
        {
            "a body that stops inside the headers",
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filen"
        },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Should_answer_400_malformed_multipart_when_the_body_is_broken(string _, string body)
    {
        using var response = await PostRawAsync(Encoding.ASCII.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_multipart", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_answer_400_malformed_multipart_when_the_content_type_names_no_boundary()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes($"--{Boundary}\r\n\r\nx\r\n--{Boundary}--\r\n"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");

        using var response = await desk.Integration.PostAsync("/api/v1/documents", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_multipart", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_still_answer_413_when_a_well_formed_body_is_larger_than_the_limit()
    {
        var file = new string('a', 1100 * 1024);
        var body = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.txt\"\r\n\r\n{file}\r\n--{Boundary}--\r\n";

        using var response = await PostRawAsync(Encoding.ASCII.GetBytes(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("file_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return await desk.Integration.PostAsync("/api/v1/documents", content);
    }
}
