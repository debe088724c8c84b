using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KpuTriage.Cli.Submit;

/// <summary>
/// Uploads one file to POST /api/v1/documents and reads the answer or the refusal. Without a
/// <paramref name="source"/> the desk records the key's name.
/// </summary>
public sealed class Uploader(HttpClient http, string? source)
{
    public async Task<UploadResult> UploadAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            using var file = new StreamContent(stream);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var form = new MultipartFormDataContent { { file, "file", Path.GetFileName(path) } };
            if (source is not null)
            {
                form.Add(new StringContent(source), "source");
            }

            using var response = await http.PostAsync("/api/v1/documents", form, ct);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                return new UploadResult(path, true, body.GetProperty("id").GetGuid(), body.GetProperty("status").GetString(), null);
            }

            return new UploadResult(path, false, null, null, await ProblemText(response, ct));
        }
        catch (HttpRequestException e)
        {
            return new UploadResult(path, false, null, null, CliText.Get("unreachable", e.Message));
        }
        catch (IOException e)
        {
            return new UploadResult(path, false, null, null, CliText.Get("unreadable", e.Message));
        }
    }

    private static async Task<string> ProblemText(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            if (problem.TryGetProperty("detail", out var detail))
            {
                return $"{(int)response.StatusCode}: {detail.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not a problem document; show the status line.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
