namespace KpuTriage.Core.Intake;

/// <summary>A file intake will not accept, with a message for the sender. Never retried: the same input fails the same way.</summary>
public sealed class IntakeRefusedException(IntakeRefusal refusal, string message) : Exception(message)
{
    public IntakeRefusal Refusal { get; } = refusal;

    public string Code => Refusal switch
    {
        IntakeRefusal.Empty => "empty_file",
        IntakeRefusal.TooLarge => "file_too_large",
        IntakeRefusal.UnsupportedType => "unsupported_type",
        IntakeRefusal.TypeMismatch => "type_mismatch",
        IntakeRefusal.ExternalIdConflict => "external_id_conflict",
        _ => "invalid_request",
    };
}
