using System.Net;
using System.Net.Http.Headers;
using KpuTriage.Core.Blobs;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Blobs;

/// <summary>
/// A letter's file answers HTTP byte ranges on every storage provider: a viewer paging through a
/// large scan or a download resumed after a dropped connection gets 206 with only the bytes it
/// asked for. With blobs in PostgreSQL the file is three chunks here, and the ranges cross and
/// start inside them.
/// </summary>
public abstract class FileRangeSpecs : DeskOnEachStorage
{
    // A PNG by its signature (the route serves images only), 2.5 chunks long.
    private static readonly byte[] Scan = MakeScan(PostgresBlobStore.ChunkSize * 5 / 2);

    [Fact]
    public async Task Should_answer_only_the_asked_bytes_when_a_viewer_sends_a_range()
    {
        var id = await Desk.SubmitOkAsync("pindaian-besar.png", Scan);
        using var clerk = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        using (var whole = await clerk.GetAsync($"/documents/{id}/file"))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Contains("bytes", whole.Headers.AcceptRanges);
            Assert.Equal(Scan, await whole.Content.ReadAsByteArrayAsync());
        }

        // Across the first chunk boundary, inside the third chunk, and the last bytes.
        long boundary = PostgresBlobStore.ChunkSize;
        await AssertRangeAsync(clerk, id, new RangeItemHeaderValue(boundary - 10, boundary + 9), boundary - 10, 20);
        await AssertRangeAsync(clerk, id, new RangeItemHeaderValue(2 * boundary + 12_345, 2 * boundary + 12_345 + 999), 2 * boundary + 12_345, 1_000);
        await AssertRangeAsync(clerk, id, new RangeItemHeaderValue(null, 100), Scan.Length - 100, 100);
        await AssertRangeAsync(clerk, id, new RangeItemHeaderValue(Scan.Length - 5, null), Scan.Length - 5, 5);
    }

    [Fact]
    public async Task Should_answer_416_with_the_size_when_the_range_starts_past_the_end()
    {
        var id = await Desk.SubmitOkAsync("pindaian-besar.png", Scan);
        using var clerk = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}/file");
        request.Headers.Range = new RangeHeaderValue(Scan.Length, null);

        using var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{Scan.Length}", response.Content.Headers.GetValues("Content-Range").Single());
    }

    [Fact]
    public async Task Should_give_no_bytes_when_a_caller_who_is_not_signed_in_asks_for_a_range()
    {
        var id = await Desk.SubmitOkAsync("pindaian-besar.png", Scan);
        using var stranger = DeskSession.NewClient(Desk);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}/file");
        request.Headers.Range = new RangeHeaderValue(0, 99);

        using var response = await stranger.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode, $"a stranger got {(int)response.StatusCode}");
    }

    private static async Task AssertRangeAsync(HttpClient clerk, Guid id, RangeItemHeaderValue range, long from, int length)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}/file");
        request.Headers.Range = new RangeHeaderValue { Ranges = { range } };

        using var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {from}-{from + length - 1}/{Scan.Length}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Scan.AsSpan((int)from, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] MakeScan(int size)
    {
        var bytes = new byte[size];
        new Random(16).NextBytes(bytes);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }
}
