namespace KpuTriage.Tests.Security;

public sealed class AccountStateSpecsOnPostgres : AccountStateSpecs
{
    protected override bool UsePostgres => true;
}
