using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own, on a free loopback port, that the test may stop and
/// start: the shared test server serves every other test (and other runs), so it is never stopped.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string folder;
    private readonly string bin;
    private readonly int port;

    private PrivatePostgres(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /// <summary>The server's connection string (database "postgres"), as <see cref="TestServers.Postgres"/> gives the shared one.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database=postgres";

    private string Data => Path.Combine(folder, "data");

    /// <param name="passwords">
    /// Make connections over TCP sign in with a password (scram-sha-256; the superuser's is
    /// "postgres"), as an office's server does; otherwise any password is ignored (trust).
    /// </param>
    public static async Task<PrivatePostgres> StartAsync(bool passwords = false)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
        Assert.True(bin is not null, "PostgreSQL server binaries not found under /usr/lib/postgresql: run the tests with ./test.sh, which installs them.");
        var folder = Directory.CreateTempSubdirectory("kputriage-pg-").FullName;
        if (Environment.UserName == "root")
        {
            // initdb and pg_ctl refuse to run as root.
            await RunAsync("chown", ["postgres", folder]);
        }

        var postgres = new PrivatePostgres(folder, bin, FreePort());
        string[] authentication = ["-A", "trust"];
        if (passwords)
        {
            var passwordFile = Path.Combine(folder, "superuser-password");
            await File.WriteAllTextAsync(passwordFile, "postgres\n");
            if (Environment.UserName == "root")
            {
                // initdb reads it as postgres, and a desk started earlier in this process set the umask to
                // 077 (OwnerOnlyFiles): the file is 0600, root's.
                await RunAsync("chown", ["postgres", passwordFile]);
            }

            authentication = ["--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile];
        }

        await postgres.AsOwnerAsync("initdb", ["-D", postgres.Data, .. authentication, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await postgres.StartAgainAsync();
        return postgres;
    }

    /// <summary>A fast shutdown, as an operator or a failing machine would stop it: clients are cut off.</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"]);

    public Task StartAgainAsync() => AsOwnerAsync("pg_ctl",
    [
        "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
        "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        await AsOwnerAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "60", "stop"], mayFail: true);
        Directory.Delete(folder, recursive: true);
    }

    private Task AsOwnerAsync(string program, string[] args, bool mayFail = false) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, program), .. args], mayFail)
            : RunAsync(Path.Combine(bin, program), args, mayFail);

    private static async Task RunAsync(string program, string[] args, bool mayFail = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(mayFail || process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
