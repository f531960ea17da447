using System.CommandLine;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion table</c>: look at any Delta table, local or on S3, without configuration.</summary>
internal static class TableCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("table", "Inspect Delta tables and show their rows: a local folder or an s3://bucket/prefix URI (any Delta writer's tables), or a dataset's table (show).");
        command.Subcommands.Add(TableInspectCommand.Create(context));
        command.Subcommands.Add(TableHistoryCommand.Create(context));
        command.Subcommands.Add(TableShowCommand.Create(context));
        return command;
    }
}
