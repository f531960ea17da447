using System.Text;
using Medallion.Jobs.Config;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Reads a CSV file's header line so declared columns are matched by name, whatever order the
/// file has them in. Only the first line is read; rows stay in DuckDB.
/// </summary>
internal static class CsvHeader
{
    /// <summary>The header line as written (empty when the dialect has no header).</summary>
    public static string Read(string file, CsvOptions options)
    {
        if (!options.Header)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() ?? string.Empty;
    }

    /// <summary>The number of fields in a header line.</summary>
    public static int? Count(string header, TableSpec table) =>
        table.Source.Csv.Header ? Split(header, table.Source.Csv).Count : null;

    /// <summary>For each declared column, the position of its field in the header; <see cref="Absent"/> for a column declared <c>required: false</c> that the file lacks.</summary>
    /// <exception cref="MedallionException">Required fields are missing from the file: one line naming the file and every missing column.</exception>
    public static IReadOnlyList<int> Positions(string header, TableSpec table, string file)
    {
        var names = Split(header, table.Source.Csv);
        var positions = table.Columns
            .Select(column => names.FindIndex(n => string.Equals(n.Trim(), column.Field, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var missing = table.Columns.Where((column, i) => positions[i] < 0 && column.Required).ToList();
        if (missing.Count > 0)
        {
            throw new MedallionException(
                $"{file}: the header lacks {string.Join(", ", missing.Select(c => $"`{c.Field}`"))}, declared by table `{table.Name}` at " +
                $"{string.Join(", ", missing.Select(c => c.Location.ToString()))} (declare a column `required: false` to read null where a file lacks it); " +
                $"the header is: {string.Join(", ", names)}");
        }

        return positions.Select(p => p < 0 ? Absent : p).ToList();
    }

    /// <summary>The position of a column the file lacks (declared <c>required: false</c>): it reads null.</summary>
    public const int Absent = -1;

    /// <summary>The fields of one line, with quotes removed and escaped quotes kept (bronze's header match and init's sample read it alike).</summary>
    internal static List<string> Split(string line, CsvOptions options)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == options.Escape && i + 1 < line.Length && line[i + 1] == options.Quote)
            {
                current.Append(options.Quote);
                i++;
            }
            else if (c == options.Quote)
            {
                quoted = !quoted;
            }
            else if (c == options.Delimiter && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
