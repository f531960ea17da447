using System.Text;
using Spectre.Console;

namespace Medallion.Cli.Commands.TableShow;

/// <summary>How <c>table show</c> writes rows: a table for people, CSV (RFC 4180) or a JSON array for tools.</summary>
internal static class RowsPrinter
{
    public static void Table(CliContext context, IReadOnlyList<string> names, IReadOnlyList<string?[]> rows)
    {
        var table = new Table();
        foreach (var name in names)
        {
            table.AddColumn(Markup.Escape(name));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(value => value is null ? "[grey]null[/]" : Markup.Escape(value))]);
        }

        context.Console.Write(table);
    }

    public static void Csv(CliContext context, IReadOnlyList<string> names, IReadOnlyList<string?[]> rows)
    {
        context.Output.Write(string.Join(',', names.Select(Field)) + "\r\n");
        foreach (var row in rows)
        {
            // An empty field is NULL; an empty string is written quoted ("") so the two stay apart.
            context.Output.Write(string.Join(',', row.Select(value => value is null ? "" : value.Length == 0 ? "\"\"" : Field(value))) + "\r\n");
        }
    }

    public static void Json(CliContext context, IReadOnlyList<string> rows)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < rows.Count; i++)
        {
            json.Append(i == 0 ? "\n  " : ",\n  ").Append(rows[i]);
        }

        context.Output.WriteLine(json.Append(rows.Count == 0 ? "]" : "\n]").ToString());
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
