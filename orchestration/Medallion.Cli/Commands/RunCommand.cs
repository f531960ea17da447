using System.CommandLine;
using System.Globalization;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Runs;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion run</c>: runs a dataset's tables through bronze and silver on the environment's engine
/// (in this process, or EMR Serverless for <c>engine: spark</c>), then validates and promotes them here.
/// </summary>
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
        var noPromote = new Option<bool>("--no-promote") { Description = "Stop after validation: leave current/ as it is." };
        var executionArn = new Option<string?>("--execution-arn") { Description = "The Step Functions execution that started the run, recorded in the ledger and _LATEST.json." };
        var engine = CliEngines.Option("Run on this engine instead of the environment's: duckdb (in this process) or spark (EMR Serverless).");
        var bundle = CliEngines.Bundle();
        var leaseExpiry = new Option<double?>("--lease-expiry")
        {
            Description = "Seconds the run key stays taken if this attempt dies without releasing it (default 300); renewed every third of it while the run goes on.",
        };
        var command = new Command("run", "Run a dataset on the environment's engine: raw files → bronze → silver and quarantine, then validate and promote to current/ (unless --no-promote).")
        {
            dataset, table, layer, runKey, input, environment, noPromote, executionArn, engine, bundle, leaseExpiry,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var confDirectory = parseResult.GetValue(CommonOptions.Conf)!;
            var configuration = CliContext.LoadConfiguration(confDirectory);
            var engines = CliEngines.Catalog(confDirectory, parseResult.GetValue(bundle));
            var request = new RunRequest(
                parseResult.GetValue(dataset)!,
                parseResult.GetValue(table),
                parseResult.GetValue(layer),
                parseResult.GetValue(runKey),
                parseResult.GetValue(environment),
                parseResult.GetValue(input),
                parseResult.GetValue(executionArn),
                parseResult.GetValue(engine) is { } name ? engines.Find(name) : null)
            {
                LeaseExpiry = parseResult.GetValue(leaseExpiry) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            };
            var reporter = new ConsoleRunReporter(context);
            var outcomes = await new PipelineRunner(configuration, context.Clock, reporter, engines).RunAsync(request, cancellationToken);
            PrintSummary(context, outcomes);
            var published = await ValidateAndPromoteAsync(
                context, LakeTables.Open(parseResult, dataset, table, environment), outcomes, parseResult.GetValue(noPromote), cancellationToken);
            return outcomes.All(o => o.Succeeded) && published ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The gate (<see cref="RunGate"/>) for each table whose silver run succeeded, printed as it
    /// goes: validation, then promotion when it passed and was not turned off.
    /// </summary>
    private static async Task<bool> ValidateAndPromoteAsync(
        CliContext context, IReadOnlyList<Orchestration.LakeTable> tables, IReadOnlyList<TableRunOutcome> outcomes, bool noPromote, CancellationToken cancellationToken)
    {
        var passed = outcomes.Where(o => o.Succeeded && o.Silver is not null).ToList();
        if (passed.Count == 0)
        {
            return true;
        }

        var gated = tables.Where(t => passed.Any(o => o.Table == t.Table.Name)).ToList();
        var allPassed = true;
        await foreach (var outcome in new RunGate(context.Clock, new ConsoleRunReporter(context)).PassAsync(gated, passed[0].RunKey, !noPromote, cancellationToken))
        {
            GatePrinter.Print(context, outcome.Table.Name, outcome.Report);
            if (outcome.Promotion is { } promotion)
            {
                GatePrinter.Print(context, promotion);
            }

            allPassed &= outcome.Passed;
        }

        return allPassed;
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
