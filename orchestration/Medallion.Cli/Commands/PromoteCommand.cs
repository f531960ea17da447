using System.CommandLine;
using Medallion.Orchestration.Promotion;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion promote</c>: publishes a validated run to <c>current/</c> in one Delta commit.</summary>
internal static class PromoteCommand
{
    public static Command Create(CliContext context)
    {
        var dataset = CommonOptions.Dataset();
        var table = CommonOptions.Table();
        var environment = CommonOptions.Environment();
        var runKey = CommonOptions.RunKey("The validated run to promote (default: the newest validated run not yet promoted).");
        var command = new Command("promote", "Promote a validated run to current/ (replace its partitions, everything, or append, as the table says) and write _LATEST.json.")
        {
            dataset, table, runKey, environment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var key = parseResult.GetValue(runKey) is { } given ? Jobs.Lake.RunKey.Validate(given) : null;
            var promoter = new Promoter(context.Clock, new ConsoleRunReporter(context));
            foreach (var lakeTable in LakeTables.Open(parseResult, dataset, table, environment))
            {
                GatePrinter.Print(context, await promoter.PromoteAsync(lakeTable, key, cancellationToken));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
