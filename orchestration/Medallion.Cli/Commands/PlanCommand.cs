using System.CommandLine;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Plan;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion plan</c>: prints the SQL an engine will run for a dataset's tables.</summary>
internal static class PlanCommand
{
    private const string DuckDb = "duckdb";
    private const string Spark = "spark";

    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var layer = CommonOptions.Layer(RunLayer.All);
        var environment = CommonOptions.Environment();
        var engine = new Option<string>("--engine")
        {
            Description = "Whose SQL: duckdb (the embedded engine) or spark (the job host on EMR Serverless).",
            DefaultValueFactory = _ => DuckDb,
        };
        engine.AcceptOnlyFromAmong(DuckDb, Spark);
        var command = new Command("plan", "Print the SQL an engine runs for each table (bronze read and typing, silver transforms and rules).")
        {
            dataset, table, layer, environment, engine,
        };
        command.SetAction(parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var which = parseResult.GetValue(engine)!;
            // Spark reads s3:// roots as they are; local roots become absolute like the embedded engine's.
            var lake = Root(selection.Environment.LakeRoot);
            var raw = Root(selection.Environment.RawRoot);
            foreach (var spec in selection.Tables)
            {
                var plan = PlanCompiler.Compile(selection.Dataset, spec);
                if (parseResult.GetValue(layer) is RunLayer.Bronze or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: bronze ({which}) =====");
                    Print(which == Spark ? SparkPlanScript.Bronze(plan, raw) : DuckDbEngine.DescribeBronze(plan, raw, lake));
                }

                if (parseResult.GetValue(layer) is RunLayer.Silver or RunLayer.All)
                {
                    context.Output.WriteLine($"-- ===== {selection.Dataset.Name}.{spec.Name}: silver ({which}) =====");
                    Print(which == Spark ? SparkPlanScript.Silver(plan, lake) : DuckDbEngine.DescribeSilver(plan, lake));
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

    private static string Root(string root) => root.Contains("://", StringComparison.Ordinal) ? root : Path.GetFullPath(root);
}
