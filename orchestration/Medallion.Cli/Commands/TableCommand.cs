using System.CommandLine;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion table</c>: look at any Delta table, local or on S3, without configuration.</summary>
internal static class TableCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("table", "Inspect, show and maintain (optimize, vacuum) Delta tables: a local folder or an s3://bucket/prefix URI (any Delta writer's tables), or a dataset's table.");
        command.Subcommands.Add(TableInspectCommand.Create(context));
        command.Subcommands.Add(TableHistoryCommand.Create(context));
        command.Subcommands.Add(TableShowCommand.Create(context));
        command.Subcommands.Add(TableOptimizeCommand.Create(context));
        command.Subcommands.Add(TableVacuumCommand.Create(context));
        return command;
    }
}
