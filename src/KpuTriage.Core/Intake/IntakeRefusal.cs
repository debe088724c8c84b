namespace KpuTriage.Core.Intake;

/// <summary>Why intake refused a file. The API returns the code and a message; the AMQP intake puts both in the error queue.</summary>
public enum IntakeRefusal
{
    Empty,
    TooLarge,
    UnsupportedType,
    ExternalIdConflict,
    Invalid,
}
