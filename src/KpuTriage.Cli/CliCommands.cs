using System.CommandLine;
using KpuTriage.Cli.Blobs;
using KpuTriage.Cli.Classifier;
using KpuTriage.Cli.Eval;
using KpuTriage.Cli.Ledger;
using KpuTriage.Cli.Submit;
using KpuTriage.Cli.Users;

namespace KpuTriage.Cli;

/// <summary>The <c>kputriage</c> command tree. The HTTP client factory is a parameter so tests can point it at a test server.</summary>
public static class CliCommands
{
    public static RootCommand Build(Func<HttpClient> httpClients) =>
        new(CliText.Get("root"))
        {
            SubmitCommand.Build(httpClients),
            EvalCommand.Build(),
            ClassifierCommand.Build(),
            UsersCommand.Build(),
            KeysCommand.Build(),
            LedgerCommand.Build(),
            BlobsCommand.Build(),
        };
}
