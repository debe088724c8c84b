namespace KpuTriage.Tests.Messaging;

/// <summary>Tests that stop the broker must not overlap with other tests that use it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "rabbitmq";
}
