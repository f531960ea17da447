using System.CommandLine;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion athena ddl</c>: prints the DDL that registers a dataset's promoted and quarantine tables in Athena.</summary>
internal static class AthenaCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var ddl = new Command("ddl", "Print CREATE EXTERNAL TABLE statements (Delta, engine v3) for each table's current/ silver table and its quarantine table.")
        {
            dataset, table, environment,
        };
        ddl.SetAction(parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            foreach (var spec in selection.Tables)
            {
                foreach (var statement in AthenaDdl.Render(PlanCompiler.Compile(selection.Dataset, spec), selection.Environment))
                {
                    context.Output.WriteLine(statement + ";");
                    context.Output.WriteLine();
                }
            }

            return ExitCodes.Success;
        });
        return new Command("athena", "Athena helpers.") { ddl };
    }
}
