namespace KpuTriage.Tests.Dashboard;

public sealed class DashboardSpecsOnSqlite : DashboardSpecs
{
    protected override bool UsePostgres => false;
}
