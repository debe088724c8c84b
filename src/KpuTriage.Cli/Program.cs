using KpuTriage.Cli;

return await CliCommands.Build(() => new HttpClient()).Parse(args).InvokeAsync();
