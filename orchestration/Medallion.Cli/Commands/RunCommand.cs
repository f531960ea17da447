using System.CommandLine;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Gate;
using Medallion.Orchestration.Runs;

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
        var input = new Option<string?>("--input", "-i")
        {
            Description = "Read raw files from this raw root instead of the environment's raw_root: source paths resolve below it (DIR/<dataset>/…, what `sample generate --out DIR` writes); relative to the working directory.",
        };
        var noPromote = new Option<bool>("--no-promote") { Description = "Stop after validation: leave current/ as it is." };
        var executionArn = new Option<string?>("--execution-arn") { Description = "The Step Functions execution that started the run, recorded in the ledger and _LATEST.json." };
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Run even when no table matches a raw file (otherwise that exits 1 before anything is written)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary of the run (counts, validation, promotion per table) instead of text; progress goes to standard error as plain lines." };
        var engine = CliEngines.Option("Run on this engine instead of the environment's: duckdb (in this process) or spark (EMR Serverless).");
        var bundle = CliEngines.Bundle();
        var leaseExpiry = new Option<double?>("--lease-expiry")
        {
            Description = "Seconds the run key stays taken if this attempt dies without releasing it (default 300); renewed every third of it while the run goes on.",
        };
        var files = new Option<string[]>("--files")
        {
            Description = "Exactly these raw files: paths or globs relative to the raw root (space- or comma-separated), whether ingested before or not; each table reads those its source.path matches.",
            AllowMultipleArgumentsPerToken = true,
        };
        var reprocess = new Option<bool>("--reprocess") { Description = "Read every raw file each table's source.path matches, ingested before or not (their earlier bronze rows are replaced)." };
        var command = new Command("run", "Run a dataset on the environment's engine: raw files → bronze → silver and quarantine, then validate and promote to current/ (unless --no-promote).")
        {
            dataset, table, layer, runKey, input, environment, noPromote, executionArn, allowEmpty, json, engine, bundle, leaseExpiry, files, reprocess,
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
                Files = parseResult.GetValue(files) is { Length: > 0 } named
                    ? [.. named.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
                    : null,
                Reprocess = parseResult.GetValue(reprocess),
            };
            var selection = PipelineSelection.Resolve(configuration, request.Dataset, request.Table, request.Environment);
            // Spark's bronze job refuses a table without input itself (the files are listed where the job runs).
            if ((request.Engine ?? selection.Environment.Engine) == EngineKind.DuckDb && request.Layer != RunLayer.Silver && !parseResult.GetValue(allowEmpty))
            {
                await RawInputCheck.RequireAnyAsync(selection, request.Input, cancellationToken);
            }

            var asJson = parseResult.GetValue(json);
            var steps = request.Layer == RunLayer.All ? 2 : 1;
            var runner = (IRunReporter reporter) => new PipelineRunner(configuration, context.Clock, reporter, engines).RunAsync(request, cancellationToken);
            var outcomes = context.IsTerminal && !asJson
                ? await LiveRunReporter.RunAsync(context.Console, steps, runner)
                : await runner(new ConsoleRunReporter(context));
            var rules = RunRules.Of(selection.Dataset);
            if (!asJson)
            {
                RunSummaryPrinter.Print(context, outcomes, rules);
            }

            var gate = await ValidateAndPromoteAsync(
                context, LakeTables.Open(parseResult, dataset, table, environment), outcomes, parseResult.GetValue(noPromote), print: !asJson, cancellationToken);
            var succeeded = outcomes.All(o => o.Succeeded) && gate.All(g => g.Passed);
            if (asJson)
            {
                foreach (var outcome in outcomes.Where(o => o.Error is not null))
                {
                    await context.Error.WriteLineAsync($"error: {outcome.Table}: {outcome.Error}");
                }

                await context.Output.WriteLineAsync(RunSummaryJson.Write(selection.Dataset.Name, outcomes, gate, rules, succeeded));
            }

            return succeeded ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The gate (<see cref="RunGate"/>) for each table whose silver run succeeded, printed as it
    /// goes unless the run prints JSON: validation, then promotion when it passed and was not turned off.
    /// </summary>
    private static async Task<IReadOnlyList<GateOutcome>> ValidateAndPromoteAsync(
        CliContext context, IReadOnlyList<Orchestration.LakeTable> tables, IReadOnlyList<TableRunOutcome> outcomes, bool noPromote, bool print,
        CancellationToken cancellationToken)
    {
        var passed = outcomes.Where(o => o.Succeeded && o.Silver is not null).ToList();
        if (passed.Count == 0)
        {
            return [];
        }

        var gated = tables.Where(t => passed.Any(o => o.Table == t.Table.Name)).ToList();
        var results = new List<GateOutcome>();
        await foreach (var outcome in new RunGate(context.Clock, new ConsoleRunReporter(context)).PassAsync(gated, passed[0].RunKey, !noPromote, cancellationToken))
        {
            if (print)
            {
                GatePrinter.Print(context, outcome.Table.Name, outcome.Report);
                if (outcome.Promotion is { } promotion)
                {
                    GatePrinter.Print(context, promotion);
                }
            }
            else if (!outcome.Passed)
            {
                await context.Error.WriteLineAsync($"error: {outcome.Table.Name}: run {outcome.Report.RunKey} failed validation: {outcome.Report.DescribeFailures()}");
            }

            results.Add(outcome);
        }

        return results;
    }
}
