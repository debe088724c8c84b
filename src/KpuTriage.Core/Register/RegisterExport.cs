using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KpuTriage.Core.Register;

/// <summary>
/// The buku agenda as CSV (UTF-8 with BOM, so Excel reads Indonesian text right) and as XLSX
/// (written with OpenXml's SAX writer, row by row, so a year of letters never sits in memory).
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe in CSV and
/// always written as text in XLSX: letter text is untrusted.
/// </summary>
public static class RegisterExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "agenda", "decidedAt", "letterNumber", "letterDate", "sender", "perihal", "urgency", "security", "letterType",
        "register", "unit", "archiveCode", "dispositionActions", "dispositionNote", "dispositionDeadline", "decidedBy", "coApprovedBy",
    ];

    public static IReadOnlyList<string?> Row(RegisterEntry e) =>
    [
        e.AgendaLabel, e.DecidedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.LetterNumber, e.LetterDate, e.Sender, e.Perihal,
        e.Urgency, e.Security, e.LetterType, e.Register, e.Unit, e.ArchiveCode, e.DispositionActions, e.DispositionNote, e.DispositionDeadline,
        e.DecidedBy, e.CoApprovedBy,
    ];

    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<RegisterEntry> entries, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Columns));
        await foreach (var entry in entries.WithCancellation(ct))
        {
            await writer.WriteLineAsync(string.Join(',', Row(entry).Select(Csv)));
        }
    }

    /// <summary>Writes the workbook into <paramref name="output"/>, which must be seekable (OpenXml zips in place).</summary>
    public static async Task WriteXlsxAsync(Stream output, IAsyncEnumerable<RegisterEntry> entries, CancellationToken ct)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Columns);
            await foreach (var entry in entries.WithCancellation(ct))
            {
                WriteRow(writer, Row(entry));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Buku Agenda" }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<string?> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            // Inline strings: always text, never a formula, and no shared-string table to hold in memory.
            writer.WriteElement(new Cell(new InlineString(new Text(Clean(value ?? "")) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString });
        }

        writer.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters; OCR text sometimes has them.
    private static string Clean(string value) => string.Concat(value.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)));

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
