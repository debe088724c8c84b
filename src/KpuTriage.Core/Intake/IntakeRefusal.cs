namespace KpuTriage.Core.Intake;

/// <summary>Why intake refused a file. The API returns the code and a message; the AMQP intake puts both in the error queue.</summary>
public enum IntakeRefusal
{
    Empty,
    TooLarge,
    UnsupportedType,

    /// <summary>The name says one type and the content is plainly another (a PNG named .pdf): no type wins.</summary>
    TypeMismatch,
    ExternalIdConflict,
    Invalid,
}
