using System.CommandLine;
using Medallion.Orchestration.Rollback;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion rollback</c>: returns <c>current/</c> to an earlier promotion in one new Delta commit.</summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var to = new Option<string?>("--to") { Description = "The run whose promotion to return to (default: the promotion before the live one)." };
        var command = new Command("rollback", "Make current/ what it was after the previous promotion (or after --to RUN_KEY's), re-adding its files without rewriting data.")
        {
            dataset, table, to, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var key = parseResult.GetValue(to) is { } given ? Jobs.Lake.RunKey.Validate(given) : null;
            var service = new RollbackService(context.Clock, new ConsoleRunReporter(context));
            foreach (var lakeTable in LakeTables.Open(parseResult, dataset, table, environment))
            {
                GatePrinter.Print(context, await service.RollbackAsync(lakeTable, key, cancellationToken));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
