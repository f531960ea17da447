using System.CommandLine;
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
        var command = new Command("plan", "Print the SQL an engine runs for each table (bronze read and typing, silver transforms and rules).")
        {
            dataset, table, layer, environment, engine,
        };
        command.SetAction(parseResult =>
        {
            var confDirectory = parseResult.GetValue(CommonOptions.Conf)!;
            var configuration = CliContext.LoadConfiguration(confDirectory);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var engines = CliEngines.Catalog(confDirectory, bundle: null);
            var kind = parseResult.GetValue(engine) is { } name ? engines.Find(name) : selection.Environment.Engine;
            // Describing reaches no service and writes nothing: the engine is only asked for its script.
            using var described = engines.Open(kind, new RunEngineContext(configuration, selection.Environment, Input: null, context.Clock, new ConsoleRunReporter(context)));
            foreach (var spec in selection.Tables)
            {
                var script = described.DescribePlan(selection.Dataset, spec);
                if (parseResult.GetValue(layer) is RunLayer.Bronze or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: bronze ({described.Name}) =====");
                    Print(script.Bronze);
                }

                if (parseResult.GetValue(layer) is RunLayer.Silver or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: silver ({described.Name}) =====");
                    Print(script.Silver);
                }
            }

            return ExitCodes.Success;
        });
        return command;

        void Print(IEnumerable<string> statements)
        {
            foreach (var statement in statements)
            {
                context.Output.WriteLine(statement.StartsWith("--", StringComparison.Ordinal) && !statement.Contains('\n', StringComparison.Ordinal) ? statement : statement + ";");
                context.Output.WriteLine();
            }
        }
    }
}
