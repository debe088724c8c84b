namespace KpuTriage.Tests.Security;

public sealed class IntegrationScopeSpecsOnSqlite : IntegrationScopeSpecs
{
    protected override bool UsePostgres => false;
}
