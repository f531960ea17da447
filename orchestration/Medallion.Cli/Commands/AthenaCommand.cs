using System.CommandLine;
using Medallion.Orchestration.Catalog;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// <c>medallion athena ddl</c>: prints the DDL that registers a dataset's promoted and quarantine
/// tables and the run history in Athena — the same tables, names and locations the deploy
/// template registers in Glue (both come from <see cref="LakeCatalog"/>).
/// </summary>
internal static class AthenaCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var ddl = new Command("ddl", "Print CREATE DATABASE and CREATE EXTERNAL TABLE IF NOT EXISTS statements (native Delta, engine v3) for each table's current/ silver table, its quarantine table and the run history.")
        {
            dataset, table, environment,
        };
        ddl.SetAction(parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
            var tables = LakeCatalog.Tables(selection.Environment, selection.Tables.Select(t => (selection.Dataset, t)));
            foreach (var statement in AthenaDdl.Render(tables))
            {
                context.Output.WriteLine(statement + ";");
                context.Output.WriteLine();
            }

            return ExitCodes.Success;
        });
        return new Command("athena", "Athena helpers.") { ddl };
    }
}
