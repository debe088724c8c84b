using KpuTriage.Web;

await using var app = KpuTriageWebApp.Build(args);
await app.RunAsync();
