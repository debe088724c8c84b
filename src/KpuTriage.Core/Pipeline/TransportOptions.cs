using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Pipeline;

/// <summary>Configuration section "Transport": how stages talk to each other.</summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>Transport:Kind — "in-memory" (standalone default, one process) or "rabbitmq".</summary>
    [Required, RegularExpression("^(in-memory|rabbitmq)$", ErrorMessage = "Transport:Kind must be 'in-memory' or 'rabbitmq'.")]
    public string Kind { get; set; } = "in-memory";

    /// <summary>Transport:RabbitMqUri — e.g. amqp://user:password@host:5672/vhost; required when Kind is rabbitmq.</summary>
    public Uri? RabbitMqUri { get; set; }

    /// <summary>Transport:DeliveryLimit — a message redelivered this often (crash loops) is dead-lettered to kputriage.dead-letter.</summary>
    [Range(1, 1000)]
    public int DeliveryLimit { get; set; } = 20;

    public bool IsRabbitMq => Kind == "rabbitmq";
}
