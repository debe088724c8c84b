namespace KpuTriage.Core.Evaluation;

/// <summary>A labels file that cannot be read as the contract says; the message names the line and what to fix.</summary>
public sealed class LabelsFileException : Exception
{
    public LabelsFileException()
    {
    }

    public LabelsFileException(string message)
        : base(message)
    {
    }

    public LabelsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
