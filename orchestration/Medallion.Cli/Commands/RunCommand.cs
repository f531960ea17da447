using System.CommandLine;
using System.Globalization;
using Medallion.Orchestration.Runs;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion run</c>: runs a dataset's tables through bronze and silver.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var layer = CommonOptions.Layer(RunLayer.All);
        var environment = CommonOptions.Environment();
        var runKey = new Option<string?>("--run-key", "-k") { Description = "The run key (a scheduler passes its execution name); generated from the clock when omitted. Re-running a key replaces its output." };
        var input = new Option<string?>("--input", "-i") { Description = "Read raw files from this folder instead of the environment's raw_root." };
        var command = new Command("run", "Run a dataset: raw files → bronze → silver and quarantine, with a summary per table.")
        {
            dataset, table, layer, runKey, input, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var request = new RunRequest(
                parseResult.GetValue(dataset)!,
                parseResult.GetValue(table),
                parseResult.GetValue(layer),
                parseResult.GetValue(runKey),
                parseResult.GetValue(environment),
                parseResult.GetValue(input));
            var runner = new PipelineRunner(configuration, context.Clock, new ConsoleRunReporter(context));
            var outcomes = await runner.RunAsync(request, cancellationToken);
            PrintSummary(context, outcomes);
            return outcomes.All(o => o.Succeeded) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static void PrintSummary(CliContext context, IReadOnlyList<TableRunOutcome> outcomes)
    {
        var summary = new Table().AddColumns("table", "layer", "read", "written", "quarantined", "duplicates", "filtered", "seconds", "status");
        foreach (var outcome in outcomes)
        {
            foreach (var layer in new[] { outcome.Bronze, outcome.Silver }.OfType<Jobs.Engine.LayerResult>())
            {
                summary.AddRow(
                    Markup.Escape(outcome.Table), layer.Layer, N(layer.RowsRead), N(layer.RowsWritten), N(layer.Quarantined),
                    N(layer.DuplicatesRemoved), N(layer.Filtered), layer.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), "ok");
            }

            if (!outcome.Succeeded)
            {
                summary.AddRow(Markup.Escape(outcome.Table), "-", "", "", "", "", "", "", "[red]failed[/]");
            }
        }

        context.Console.Write(summary);
        foreach (var outcome in outcomes)
        {
            context.Output.WriteLine($"run key {outcome.RunKey}: {outcome.Table}");
            if (outcome.Bronze is { } bronze)
            {
                context.Output.WriteLine($"  bronze      {bronze.TablePath} (version {bronze.DeltaVersion})");
            }

            if (outcome.Silver is { } silver)
            {
                context.Output.WriteLine($"  silver      {silver.TablePath} (version {silver.DeltaVersion})");
                context.Output.WriteLine($"  quarantine  {silver.QuarantinePath} (version {silver.QuarantineDeltaVersion})");
                foreach (var (rule, count) in silver.RuleFailures.Where(r => r.Value > 0))
                {
                    context.Output.WriteLine($"    {rule}: {N(count)} row(s)");
                }
            }

            if (outcome.Error is { } error)
            {
                context.Error.WriteLine($"error: {outcome.Table}: {error}");
            }
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
