using System.CommandLine;
using Medallion.Orchestration.Validation;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion validate</c>: the gate a staged run must pass before promotion; exit 1 naming each failed check.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var runKey = CommonOptions.RunKey("The run to validate.");
        runKey.Required = true;
        var command = new Command("validate", "Check a staged run (success marker, counts, schema, quarantine share, row counts, partitions) and write its _validation.json.")
        {
            dataset, table, runKey, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var key = Jobs.Lake.RunKey.Validate(parseResult.GetValue(runKey)!);
            var validator = new RunValidator(context.Clock, new ConsoleRunReporter(context));
            var passed = true;
            foreach (var lakeTable in LakeTables.Open(parseResult, dataset, table, environment))
            {
                var report = await validator.ValidateAsync(lakeTable, key, cancellationToken);
                GatePrinter.Print(context, lakeTable.Name, report);
                passed &= report.Passed;
            }

            return passed ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
