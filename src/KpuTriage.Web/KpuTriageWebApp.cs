using KpuTriage.Core.Hosting;

namespace KpuTriage.Web;

/// <summary>
/// Builds the desk: every stage in-process in the standalone default, or only the API when
/// Pipeline:Stages is empty. Tests and benchmarks start it with their own command-line settings.
/// </summary>
public static class KpuTriageWebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddKpuTriage();
        builder.AddKpuTriageWeb();
        var app = builder.Build();
        app.UseKpuTriageWeb();
        return app;
    }
}
