namespace KpuTriage.DevSet;

/// <summary>A scan's file: its bytes and the extension it is saved under.</summary>
internal sealed record ScanFile(byte[] Bytes, string Extension);
