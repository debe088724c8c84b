namespace KpuTriage.Tests.Security;

public sealed class AccountStateSpecsOnSqlite : AccountStateSpecs
{
    protected override bool UsePostgres => false;
}
