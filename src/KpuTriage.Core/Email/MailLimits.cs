namespace KpuTriage.Core.Email;

/// <summary>
/// What one mail may make: <paramref name="MaxAttachments"/> documents at most (Intake:MaxAttachmentsPerMail),
/// none larger than intake would accept (Intake:MaxBytes), and mails inside it opened only while
/// <paramref name="OpenNestedMail"/> (Intake:MaxMailNesting not yet reached); of its body text no
/// more than <paramref name="MaxBodyChars"/> is held (one past Extraction:MaxTextChars: the rest would be cut).
/// </summary>
public sealed record MailLimits(int MaxAttachments, long MaxAttachmentBytes, bool OpenNestedMail, long MaxBodyChars = long.MaxValue);
