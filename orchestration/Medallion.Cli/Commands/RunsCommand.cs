using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medallion.Orchestration.Ledger;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion runs</c>: a dataset's runs from their ledgers in the lake, newest first, with status.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var json = new Option<bool>("--json") { Description = "Print the ledgers as a JSON array (newest first) instead of a table." };
        var history = new Option<bool>("--history") { Description = "Read the run history table (one row per table run, as it ended) instead of the ledgers." };
        var command = new Command("runs", "List runs newest first: running, succeeded, failed, validated, rejected, promoted, superseded, rolled_back; `running (abandoned)` when no attempt holds the key any more.")
        {
            dataset, table, json, history, environment,
        };
        command.Subcommands.Add(RunsPruneCommand.Create(context));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(history))
            {
                return await RunsHistory.PrintAsync(context, LakeTables.Open(parseResult, dataset, table, environment), parseResult.GetValue(table), parseResult.GetValue(json), cancellationToken);
            }

            var runs = new List<RunLedgerEntry>();
            var abandoned = new HashSet<RunLedgerEntry>();
            foreach (var lakeTable in LakeTables.Open(parseResult, dataset, table, environment))
            {
                var ledger = new RunLedger(lakeTable.Store);
                foreach (var entry in await ledger.ListAsync(lakeTable.Layout, cancellationToken))
                {
                    runs.Add(entry);
                    if (await ledger.IsAbandonedAsync(lakeTable.Layout, entry, context.Clock.GetUtcNow(), cancellationToken))
                    {
                        abandoned.Add(entry);
                    }
                }
            }

            runs = [.. runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunKey, StringComparer.Ordinal).ThenBy(r => r.Table, StringComparer.Ordinal)];
            if (parseResult.GetValue(json))
            {
                var array = new JsonArray([.. runs.Select(r => JsonSerializer.SerializeToNode(r, Orchestration.LakeJson.Options))]);
                context.Output.WriteLine(array.ToJsonString(Orchestration.LakeJson.Options));
                return ExitCodes.Success;
            }

            var rows = new Table().AddColumns("run key", "table", "status", "started", "changed", "silver rows", "quarantined", "current/ version");
            foreach (var run in runs)
            {
                rows.AddRow(
                    Markup.Escape(run.RunKey), Markup.Escape(run.Table), Markup.Escape(abandoned.Contains(run) ? $"{run.Status} (abandoned)" : run.Status),
                    Time(run.StartedAt), Time(run.StatusHistory.Count > 0 ? run.StatusHistory[^1].At : run.StartedAt),
                    N(run.Silver?.RowsWritten), N(run.Silver?.Quarantined), N(run.PromotedVersion));
            }

            context.Console.Write(rows);
            context.Output.WriteLine($"{runs.Count} run(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";
}
