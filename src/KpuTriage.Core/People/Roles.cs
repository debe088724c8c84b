namespace KpuTriage.Core.People;

/// <summary>Role names. Integration is given to API keys only and allows submitting and reading status.</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Integration = "integration";

    public static IReadOnlyList<string> ForPeople { get; } = [Clerk, Supervisor, Admin];
}
