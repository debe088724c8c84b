namespace KpuTriage.Tests.Dashboard;

public sealed class DashboardFlowSpecsOnPostgres : DashboardFlowSpecs
{
    protected override bool UsePostgres => true;
}
