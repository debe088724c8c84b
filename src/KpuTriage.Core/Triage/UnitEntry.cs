namespace KpuTriage.Core.Triage;

/// <summary>A unit a letter can be routed to, under its register (ketua: commission divisions; sekretaris: Subbag).</summary>
public sealed record UnitEntry(string Code, string Name, string Register);
