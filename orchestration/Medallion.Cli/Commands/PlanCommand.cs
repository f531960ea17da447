using System.CommandLine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion plan</c>: prints the SQL the engine will run for a dataset's tables.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var layer = CommonOptions.Layer(RunLayer.All);
        var environment = CommonOptions.Environment();
        var command = new Command("plan", "Print the SQL the embedded engine runs for each table (bronze read and typing, silver transforms and rules).")
        {
            dataset, table, layer, environment,
        };
        command.SetAction(parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var lake = Path.GetFullPath(selection.Environment.LakeRoot);
            var raw = Path.GetFullPath(selection.Environment.RawRoot);
            foreach (var spec in selection.Tables)
            {
                var plan = PlanCompiler.Compile(selection.Dataset, spec);
                var statements = new List<string>();
                if (parseResult.GetValue(layer) is RunLayer.Bronze or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: bronze (duckdb) =====");
                    var files = new[] { Path.Combine(raw, spec.Source.Path) };
                    statements.AddRange(DuckDbPlanScript.Bronze(plan, files, raw, lake));
                    Print(statements);
                    statements.Clear();
                }

                if (parseResult.GetValue(layer) is RunLayer.Silver or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: silver (duckdb) =====");
                    Print(DuckDbPlanScript.Silver(plan, lake));
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
