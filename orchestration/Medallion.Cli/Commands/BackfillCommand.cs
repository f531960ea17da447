using System.CommandLine;
using System.Globalization;
using Medallion.Orchestration.Backfill;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion backfill</c>: re-runs a dataset's raw partitions from one date to another, one run
/// key per day (<c>backfill-yyyy-MM-dd</c>), in order, each validated and promoted before the next;
/// run again after a crash, it skips the days already promoted. See <see cref="BackfillPlanner"/>
/// for how files are dated and <see cref="BackfillRunner"/> for the runs.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var from = new Option<string>("--from") { Description = "The first day to re-run, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "The last day to re-run, yyyy-MM-dd (included).", Required = true };
        var input = new Option<string?>("--input", "-i") { Description = "Read raw files from this raw root instead of the environment's raw_root." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the slices (run key and files) and run nothing." };
        var command = new Command("backfill", "Re-run raw partitions in a date range: one run key per day ({date} in source.path, else the files' modification day), in order, each validated and promoted; resumable.")
        {
            dataset, table, environment, from, to, input, dryRun,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var slices = await BackfillPlanner.PlanAsync(
                selection, Day(parseResult.GetValue(from)!, "--from"), Day(parseResult.GetValue(to)!, "--to"), parseResult.GetValue(input), cancellationToken);
            if (slices.Count == 0)
            {
                await context.Output.WriteLineAsync($"No raw file of {selection.Dataset.Name} falls in the range; nothing to backfill.");
                return ExitCodes.Success;
            }

            if (parseResult.GetValue(dryRun))
            {
                foreach (var slice in slices)
                {
                    await context.Output.WriteLineAsync($"{slice.RunKey}  {slice.Files.Count} file(s)");
                    foreach (var file in slice.Files)
                    {
                        await context.Output.WriteLineAsync($"  {file}");
                    }
                }

                return ExitCodes.Success;
            }

            var template = new RunRequest(selection.Dataset.Name, parseResult.GetValue(table), Environment: parseResult.GetValue(environment), Input: parseResult.GetValue(input));
            await foreach (var outcome in new BackfillRunner(configuration, context.Clock, new ConsoleRunReporter(context)).RunAsync(template, slices, cancellationToken))
            {
                var line = outcome.Status switch
                {
                    BackfillSliceStatus.AlreadyPromoted => $"{outcome.Slice.RunKey}: already promoted, skipped",
                    BackfillSliceStatus.Promoted => $"{outcome.Slice.RunKey}: promoted ({outcome.Slice.Files.Count} file(s))",
                    BackfillSliceStatus.Failed => $"{outcome.Slice.RunKey}: failed: {outcome.Error}; later days were not run (run the same command again to resume)",
                    _ => throw new InvalidOperationException($"Unknown backfill slice status {outcome.Status}."),
                };
                await (outcome.Status == BackfillSliceStatus.Failed ? context.Error : context.Output).WriteLineAsync(line);
                if (outcome.Status == BackfillSliceStatus.Failed)
                {
                    return ExitCodes.Failed;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <exception cref="ArgumentException">Not a yyyy-MM-dd date (a usage error, exit 2).</exception>
    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"{option} must be a date as yyyy-MM-dd, found '{text}'.");
}
