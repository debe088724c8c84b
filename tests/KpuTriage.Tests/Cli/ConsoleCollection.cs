namespace KpuTriage.Tests.Cli;

/// <summary>
/// Commands that draw a live progress display on Spectre.Console's one shared console: two at
/// once make Spectre refuse the second, so their specs take turns.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
