namespace KpuTriage.Core.Documents;

/// <summary>A document made from one attachment of a mail, as the mail's view lists it.</summary>
public sealed record AttachedDocument(Guid Id, int Index, string FileName, DocumentKind Kind, DocumentStatus Status);
