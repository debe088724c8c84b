namespace KpuTriage.DevSet;

/// <summary>How one scan looks: resolution, skew, grain, blur, file type and extras.</summary>
internal sealed record ScanStyle(int Dpi, double Rotation, double Noise, double Blur, int WhitePoint, int Quality, string Format, bool Bilevel, bool Stamp, string Font, int Seed);
