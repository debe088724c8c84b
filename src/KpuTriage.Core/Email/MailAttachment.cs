using KpuTriage.Core.Documents;

namespace KpuTriage.Core.Email;

/// <summary>An attachment that will become a document: its decoded content, its sanitised name and the kind detected from both.</summary>
public sealed record MailAttachment(int Index, string FileName, string ContentType, DocumentKind Kind, byte[] Content);
