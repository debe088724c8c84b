using KpuTriage.Core.Classification;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Llm;

/// <summary>Settings that point a desk at fake providers, with timings short enough for tests.</summary>
internal static class LlmDesk
{
    /// <summary>A bound on the classifier's start-up training, so a hang fails the spec instead of stalling the run.</summary>
    private static readonly TimeSpan ClassifierStartup = TimeSpan.FromMinutes(5);

    public static Dictionary<string, string> Provider(string name, FakeOpenAi fake, string location, int maxRetries = 2) => new()
    {
        [$"Llm:Providers:{name}:Kind"] = "openai-compatible",
        [$"Llm:Providers:{name}:Endpoint"] = fake.Endpoint.ToString(),
        [$"Llm:Providers:{name}:Model"] = "fake-model",
        [$"Llm:Providers:{name}:Location"] = location,
        [$"Llm:Providers:{name}:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Llm:Providers:{name}:RetryDelay"] = "00:00:00.050",
        [$"Llm:Providers:{name}:AttemptTimeout"] = "00:00:05",
        [$"Llm:Providers:{name}:TotalTimeout"] = "00:00:20",
        [$"Llm:Providers:{name}:CircuitBreakDuration"] = "00:00:01",
        ["Llm:OutagePause"] = "00:00:03",
    };

    public static Dictionary<string, string> Merge(params Dictionary<string, string>[] parts)
    {
        var all = new Dictionary<string, string>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                all[key] = value;
            }
        }

        return all;
    }

    /// <summary>
    /// Starts the desk and returns once its local classifier is ready. The engine runs the
    /// local engine before every model call, and that waits for the classifier's start-up
    /// training (seconds on a quiet machine, a minute or more on a busy one); specs that time
    /// what the provider sees start their clock when the first call can happen.
    /// </summary>
    public static async Task<Desk> StartAsync(TempDirectory data, Dictionary<string, string> extra, Uri? rabbitMq = null)
    {
        var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, RabbitMq = rabbitMq, Extra = extra });
        try
        {
            await desk.Services.GetRequiredService<CurrentClassifier>().WaitAsync(CancellationToken.None).WaitAsync(ClassifierStartup);
            return desk;
        }
        catch
        {
            await desk.DisposeAsync();
            throw;
        }
    }
}
