using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Orchestration;
using Medallion.Orchestration.History;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion runs --history</c>: the run history table's rows of a dataset, newest recorded first.</summary>
internal static class RunsHistory
{
    public static async Task<int> PrintAsync(CliContext context, IReadOnlyList<LakeTable> tables, string? table, bool json, CancellationToken cancellationToken)
    {
        var rows = await new RunHistoryReader(tables[0].Store).ReadAsync(tables[0].Dataset.Name, table, cancellationToken);
        if (json)
        {
            var array = new JsonArray([.. rows.Select(r => JsonSerializer.SerializeToNode(r, LakeJson.Options))]);
            context.Output.WriteLine(array.ToJsonString(LakeJson.Options));
            return ExitCodes.Success;
        }

        var printed = new Table().AddColumns("run key", "table", "status", "recorded", "read", "silver rows", "quarantined", "validation", "current/ version");
        foreach (var row in rows)
        {
            printed.AddRow(
                Markup.Escape(row.RunKey), Markup.Escape(row.Table), Markup.Escape(row.Status),
                row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                N(row.RowsRead), N(row.SilverRows), N(row.Quarantined),
                row.ValidationPassed switch { true => "passed", false => "failed", null => "-" },
                N(row.PromotedVersion));
        }

        context.Console.Write(printed);
        context.Output.WriteLine($"{rows.Count} row(s) in the run history");
        return ExitCodes.Success;
    }

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
