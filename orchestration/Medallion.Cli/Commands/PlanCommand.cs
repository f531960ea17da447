using System.CommandLine;
using Medallion.Cli.Commands.PlanText;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion plan</c>: prints what an engine will execute for a dataset's tables, as the engine
/// itself describes it (<see cref="IRunEngine.DescribePlan"/>, built by the code that executes it).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var layer = CommonOptions.Layer(RunLayer.All);
        var environment = CommonOptions.Environment();
        var engine = CliEngines.Option("Whose SQL: duckdb (the embedded engine) or spark (the job host on EMR Serverless); default: the environment's engine.");
        var step = new Option<string?>("--step", "-s")
        {
            Description = "Only the statements of one step: what a statement creates (raw_records, bronze_rows, routed…) or its verb (copy, select…); an unknown step lists them.",
        };
        var width = new Option<int?>("--width", "-w")
        {
            Description = "Fold lines longer than this many characters (at spaces outside quotes; the SQL stays valid); default: the terminal's width, no folding when output is redirected; 0 never folds.",
        };
        var inputs = new Option<bool>("--inputs")
        {
            Description = "First list, per table, the raw objects the next run would read and why (ingestion mode, new or changed objects): lists the raw root and reads bronze, writes nothing.",
        };
        var input = new Option<string?>("--input", "-i") { Description = "With --inputs: the raw root the run will read (run's --input) instead of the environment's raw_root." };
        var command = new Command("plan", "Print the SQL an engine runs for each table (bronze read and typing, silver transforms and rules), in the dialect of the environment's engine (spark environments: Spark SQL) unless --engine says otherwise.")
        {
            dataset, table, layer, environment, engine, step, width, inputs, input,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var confDirectory = parseResult.GetValue(CommonOptions.Conf)!;
            var configuration = CliContext.LoadConfiguration(confDirectory);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var engines = CliEngines.Catalog(confDirectory, bundle: null);
            var kind = parseResult.GetValue(engine) is { } name ? engines.Find(name) : selection.Environment.Engine;
            var fold = parseResult.GetValue(width) ?? context.TerminalWidth ?? 0;
            var wanted = parseResult.GetValue(step)?.ToLowerInvariant();
            var layers = parseResult.GetValue(layer);

            // Describing reaches no service and writes nothing: the engine is only asked for its script.
            using var described = engines.Open(kind, new RunEngineContext(configuration, selection.Environment, Input: null, context.Clock, new ConsoleRunReporter(context)));
            if (parseResult.GetValue(inputs))
            {
                await PrintInputsAsync(context, configuration, selection, parseResult.GetValue(input), cancellationToken);
            }

            var sections = new List<(string Header, IReadOnlyList<(string Step, string Statement)> Statements)>();
            foreach (var spec in selection.Tables)
            {
                var script = described.DescribePlan(selection.Dataset, spec);
                if (layers is RunLayer.Bronze or RunLayer.All)
                {
                    sections.Add(($"-- ===== {selection.Dataset.Name}.{spec.Name}: bronze ({described.Name}) =====", PlanStep.Name([.. script.Bronze])));
                }

                if (layers is RunLayer.Silver or RunLayer.All)
                {
                    sections.Add(($"-- ===== {selection.Dataset.Name}.{spec.Name}: silver ({described.Name}) =====", PlanStep.Name([.. script.Silver])));
                }

                // A merge promotion runs in the orchestrator's embedded DuckDB whatever the engine; the other modes only move files.
                if (layers is RunLayer.All && spec.Promotion == Jobs.Config.PromotionMode.Merge)
                {
                    var merge = Jobs.Engine.DuckDb.Merge.DuckDbMerge.DescribePlan(Jobs.Plan.PlanCompiler.Compile(selection.Dataset, spec));
                    sections.Add(($"-- ===== {selection.Dataset.Name}.{spec.Name}: promotion (merge, embedded DuckDB) =====", PlanStep.Name(merge)));
                }
            }

            var steps = sections.SelectMany(s => s.Statements.Select(n => n.Step)).Distinct(StringComparer.Ordinal).ToList();
            if (wanted is not null && !steps.Contains(wanted))
            {
                throw new ArgumentException($"No step '{wanted}' in this plan. Steps: {string.Join(", ", steps)}.");
            }

            foreach (var (header, statements) in sections)
            {
                var shown = statements.Where(n => wanted is null || n.Step == wanted).ToList();
                if (shown.Count == 0)
                {
                    continue;
                }

                context.Output.WriteLine(header);
                foreach (var (_, statement) in shown)
                {
                    context.Output.WriteLine(SqlWrapper.Wrap(PlanStep.IsComment(statement) ? statement : statement + ";", fold));
                    context.Output.WriteLine();
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One comment line per table: how the next run chooses its raw objects, and which they are.</summary>
    private static async Task PrintInputsAsync(
        CliContext context, Jobs.Config.MedallionConfiguration configuration, PipelineSelection selection, string? input, CancellationToken cancellationToken)
    {
        var engineContext = new RunEngineContext(configuration, selection.Environment, input, context.Clock, new ConsoleRunReporter(context));
        foreach (var (name, ingestion, files, changed, matching) in await RawInputsPreview.ChooseAsync(engineContext, selection, new RunRequest(selection.Dataset.Name), cancellationToken))
        {
            var what = ingestion.NothingNew
                ? $"{ingestion.Describe()}: the next run reads none of {matching} matching raw object(s)"
                : $"the next run reads {files.Count} of {matching} matching raw object(s){(files.Count == 0 ? "" : ": " + string.Join(", ", files.Select(f => changed.Contains(f) ? f + " (changed)" : f)))}";
            context.Output.WriteLine($"-- {selection.Dataset.Name}.{name}: ingestion {ingestion.Mode}; {what}");
            if (changed.Count > 0)
            {
                // Which rows the run recomputes: every record of the objects it reads; a changed object's earlier rows go.
                context.Output.WriteLine($"--   {changed.Count} changed object(s) are read again: bronze replaces the rows it holds from their earlier version");
            }
        }

        context.Output.WriteLine();
    }
}
