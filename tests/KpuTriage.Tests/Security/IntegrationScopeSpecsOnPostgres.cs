namespace KpuTriage.Tests.Security;

public sealed class IntegrationScopeSpecsOnPostgres : IntegrationScopeSpecs
{
    protected override bool UsePostgres => true;
}
