namespace KpuTriage.Tests.Dashboard;

public sealed class DashboardSpecsOnPostgres : DashboardSpecs
{
    protected override bool UsePostgres => true;
}
