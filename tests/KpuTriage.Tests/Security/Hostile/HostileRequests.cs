using System.Net.Http.Headers;
using System.Text;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>
/// Upload requests broken at the HTTP level, written byte by byte as a careless or hostile
/// client sends them: each must get a 4xx with a code, never a 500 or a false 413.
/// </summary>
internal static class HostileRequests
{
    private const string Boundary = "kputriage-hostile";

    public static IReadOnlyList<(string Kind, Func<HttpRequestMessage> Make, int Status, string Code)> All { get; } =
    [
        ("multipart without its closing boundary", () => Multipart($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n{Letters.Undangan(30)}\r\n"), 400, "malformed_multipart"),
        ("multipart header line without a colon", () => Multipart($"--{Boundary}\r\nContent-Disposition form-data name=file\r\n\r\nhalo\r\n--{Boundary}--\r\n"), 400, "malformed_multipart"),
        ("raw quote inside the file name", () => Multipart($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"su\"rat.txt\"\r\n\r\n{Letters.Undangan(31)}\r\n--{Boundary}--\r\n"), 400, "malformed_multipart"),
        ("multipart without the file field", () => Multipart($"--{Boundary}\r\nContent-Disposition: form-data; name=\"externalId\"\r\n\r\nX-1\r\n--{Boundary}--\r\n"), 400, "invalid_request"),
        ("JSON instead of multipart", () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json") }, 415, "invalid_request"),
        ("multipart without a boundary parameter", () => Raw("multipart/form-data", "--x\r\n\r\n"), 400, "malformed_multipart"),
    ];

    private static HttpRequestMessage Multipart(string body) => Raw($"multipart/form-data; boundary={Boundary}", body);

    private static HttpRequestMessage Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = content };
    }
}
