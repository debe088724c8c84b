namespace KpuTriage.Tests.Dashboard;

public sealed class DashboardFlowSpecsOnSqlite : DashboardFlowSpecs
{
    protected override bool UsePostgres => false;
}
