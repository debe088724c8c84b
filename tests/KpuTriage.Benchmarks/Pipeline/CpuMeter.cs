namespace KpuTriage.Benchmarks.Pipeline;

/// <summary>
/// CPU seconds this process, PostgreSQL and RabbitMQ spend over a span, read from /proc (Linux):
/// the profile that says which of the three a letter's cost is in. Exited PostgreSQL backends
/// are counted through their parent's reaped-children time.
/// </summary>
internal sealed class CpuMeter
{
    private readonly (double Self, double Postgres, double RabbitMq) start = Now();

    public static CpuMeter Start() => new();

    public (double Self, double Postgres, double RabbitMq) Elapsed()
    {
        var now = Now();
        return (now.Self - start.Self, now.Postgres - start.Postgres, now.RabbitMq - start.RabbitMq);
    }

    private static (double Self, double Postgres, double RabbitMq) Now()
    {
        double postgres = 0, rabbit = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _) || Read(directory) is not { } process)
            {
                continue;
            }

            if (process.Name == "postgres")
            {
                postgres += process.Seconds;
            }
            else if (process.Name == "beam.smp")
            {
                rabbit += process.Seconds;
            }
        }

        return (Environment.CpuUsage.TotalTime.TotalSeconds, postgres, rabbit);
    }

    private static (string Name, double Seconds)? Read(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // utime, stime, cutime, cstime: fields 14–17 of proc(5), 11–14 after the name.
            var ticks = fields[11..15].Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture));
            return (stat[(open + 1)..close], ticks / 100.0);
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }
}
