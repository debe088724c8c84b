using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Hosting;

/// <summary>A wrong setting stops the start with the key to fix, instead of failing the first letter.</summary>
public sealed class StartupSpecs
{
    [Theory]
    [InlineData("Register:TimeZone", "Mars/Olympus_Mons", "Register:TimeZone")]
    [InlineData("Storage:Provider", "oracle", "Storage:Provider")]
    [InlineData("Transport:Kind", "rabbitmq", "Transport:RabbitMqUri")]
    [InlineData("Intake:MaxBytes", "0", "MaxBytes")]
    public async Task Should_refuse_to_start_and_name_the_key_when_a_setting_is_wrong(string key, string value, string named)
    {
        using var data = new TempDirectory();

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = new Dictionary<string, string> { [key] = value } });
        });

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
