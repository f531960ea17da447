using System.CommandLine;
using System.Globalization;
using Medallion.Orchestration.History;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion quality</c>: the quarantine trend of a dataset's tables from the run history — per
/// run the share of rows quarantined and the top broken rules, with a marker where the share jumped.
/// </summary>
internal static class QualityCommand
{
    /// <summary>What marks a run whose quarantine share jumped (see <see cref="QualityReport"/>).</summary>
    public const string JumpMarker = "▲ jump";

    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var last = new Option<int>("--last", "-n") { Description = "How many runs per table, newest first.", DefaultValueFactory = _ => 10 };
        var command = new Command("quality", "Per run of each table: quarantine share and top broken rules, from the run history, with a marker where the share jumped.")
        {
            dataset, table, last, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(last);
            if (count < 1)
            {
                throw new ArgumentException($"--last must be at least 1, not {count}.");
            }

            var tables = LakeTables.Open(parseResult, dataset, table, environment);
            var history = await new RunHistoryReader(tables[0].Store).ReadAsync(tables[0].Dataset.Name, parseResult.GetValue(table), cancellationToken);
            foreach (var lakeTable in tables)
            {
                var runs = QualityReport.For([.. history.Where(r => r.Table == lakeTable.Table.Name)], count);
                context.Output.WriteLine($"{lakeTable.Name}: {runs.Count} run(s), newest first");
                if (runs.Count == 0)
                {
                    context.Output.WriteLine("  no runs in the run history yet");
                    continue;
                }

                var rows = new Table().AddColumns("run key", "recorded", "status", "read", "quarantined", "share", "trend", "top broken rules");
                foreach (var run in runs)
                {
                    rows.AddRow(
                        Markup.Escape(run.Row.RunKey), run.Row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        Markup.Escape(run.Row.Status), N(run.Row.RowsRead), N(run.Row.Quarantined),
                        run.Share is { } share ? share.ToString("P2", CultureInfo.InvariantCulture) : "-",
                        run.Jumped ? JumpMarker : "",
                        run.TopRules.Count == 0 ? "-" : Markup.Escape(string.Join(", ", run.TopRules.Select(r => $"{r.Key} {N(r.Value)}"))));
                }

                context.Console.Write(rows);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
