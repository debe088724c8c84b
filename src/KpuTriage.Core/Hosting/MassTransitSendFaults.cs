using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Hosting;

/// <summary>
/// MassTransit logs every message it fails to send, each with its stack trace: under
/// "MassTransit.SendTransport", and as "S-FAULT {address} {message id} {type}" at Error under
/// its root category "MassTransit". During a broker outage (or with a stage's queue unbound) that
/// is one entry per letter and per redrive pass, the 80–100 MB of log per host per half hour the
/// fault runs showed. The code that sends already reports these failures, per cause once with its
/// exception and then one line per event per Pipeline:OutageLogInterval with the count
/// (<see cref="Pipeline.PublishFailureLog"/>), so both categories are quieted below Critical.
/// Only the exact category "MassTransit" is: MassTransit's own sub-categories (receive
/// transport, consumers, retries) keep the level the configuration gives "MassTransit".
/// </summary>
public static class MassTransitSendFaults
{
    public const string RootCategory = "MassTransit";
    public const string SendTransportCategory = "MassTransit.SendTransport";

    public static ILoggingBuilder QuietMassTransitSendFaults(this ILoggingBuilder logging)
    {
        logging.AddFilter(SendTransportCategory, LogLevel.Critical);
        // Runs after the configuration's rules were added (the host adds them first). A rule names
        // a category prefix, so this rule also decides for "MassTransit.*": it keeps the level
        // configured for "MassTransit" (or the default) there and quiets only the root.
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var configured = options.Rules.LastOrDefault(r => r.ProviderName is null && r.CategoryName == RootCategory && r.Filter is null)?.LogLevel
                ?? options.Rules.LastOrDefault(r => r.ProviderName is null && r.CategoryName is null && r.Filter is null)?.LogLevel
                ?? options.MinLevel;
            options.Rules.Add(new LoggerFilterRule(null, RootCategory, configured, (_, category, level) =>
                !string.Equals(category, RootCategory, StringComparison.Ordinal) || level >= LogLevel.Critical));
        });
        return logging;
    }
}
