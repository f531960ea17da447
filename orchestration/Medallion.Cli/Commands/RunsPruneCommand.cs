using System.CommandLine;
using System.Globalization;
using Medallion.Delta.Maintenance;
using Medallion.Orchestration.Maintenance;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion runs prune</c>: removes the staged folders of runs that were never promoted and
/// have not changed for the retention, and the lease objects of run keys that ended that long ago.
/// </summary>
internal static class RunsPruneCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Only runs unchanged (and leases ended) for this long, e.g. 7d, 48h or 'interval 14 days'.",
            DefaultValueFactory = _ => "7d",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed, and remove nothing." };
        var command = new Command("prune", "Remove staged runs/ that were never promoted (failed, rejected, unpromoted or abandoned) and ended run-key leases, older than --older-than.")
        {
            dataset, table, environment, olderThan, dryRun,
        };
        command.Validators.Add(result =>
        {
            // A validator sees only what was typed (defaults come later): check the value when one was given.
            if (result.GetValue(olderThan) is { } text && !DeltaRetention.TryParseInterval(text, out _))
            {
                result.AddError($"--older-than '{result.GetValue(olderThan)}' is not a duration such as 7d, 48h or 'interval 14 days'.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!DeltaRetention.TryParseInterval(parseResult.GetValue(olderThan) ?? "7d", out var retention))
            {
                retention = DeltaRetention.DefaultDeletedFileRetention;
            }
            var dry = parseResult.GetValue(dryRun);
            var pruner = new RunsPruner(context.Clock);
            foreach (var lakeTable in LakeTables.Open(parseResult, dataset, table, environment))
            {
                var result = await pruner.PruneAsync(lakeTable, retention, dry, cancellationToken);
                var verb = dry ? "would remove" : "removed";
                foreach (var run in result.Runs)
                {
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{verb} run {run.RunKey} of {run.Table} ({run.Status} since {run.LastChange:yyyy-MM-ddTHH:mm:ssZ}; {run.Objects:N0} object(s), {run.Bytes:N0} bytes)"));
                }

                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{lakeTable.Name}: {verb} {result.Runs.Count:N0} staged run(s) and the ended leases of {result.Leases.Count:N0} run key(s) ({result.LeaseObjects:N0} object(s)){(dry ? "; dry run, nothing removed" : "")}."));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
