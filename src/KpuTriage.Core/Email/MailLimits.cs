namespace KpuTriage.Core.Email;

/// <summary>
/// What one mail may make: <paramref name="MaxAttachments"/> documents at most (Intake:MaxAttachmentsPerMail),
/// none larger than intake would accept (Intake:MaxBytes), and mails inside it opened only while
/// <paramref name="OpenNestedMail"/> (Intake:MaxMailNesting not yet reached).
/// </summary>
public sealed record MailLimits(int MaxAttachments, long MaxAttachmentBytes, bool OpenNestedMail);
