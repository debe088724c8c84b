namespace KpuTriage.Web.Dashboard;

/// <summary>One bar: its label (a day), its value, and the value as the page writes it (the bar's tooltip).</summary>
public sealed record ChartBar(string Label, double? Value, string Text);
