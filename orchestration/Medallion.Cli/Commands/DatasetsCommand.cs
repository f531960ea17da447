using System.CommandLine;
using Spectre.Console;

namespace Medallion.Cli.Commands;

/// <summary><c>medallion datasets</c>: lists datasets and tables, validating all configuration.</summary>
internal static class DatasetsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("datasets", "List datasets and their tables, validating all configuration (exit 2 on errors).");
        command.SetAction(parseResult =>
        {
            var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
            var table = new Table().AddColumns("dataset", "table", "source", "columns", "transforms", "rules", "partitioned by");
            foreach (var dataset in configuration.Datasets)
            {
                foreach (var spec in dataset.Tables)
                {
                    table.AddRow(
                        Markup.Escape(dataset.Name),
                        Markup.Escape(spec.Name),
                        Markup.Escape($"{spec.Source.Format.ToString().ToLowerInvariant()}: {spec.Source.Path}"),
                        spec.Columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        spec.Transforms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        spec.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(", ", spec.PartitionBy)));
                }
            }

            context.Console.Write(table);
            context.Output.WriteLine(
                $"Configuration OK: {configuration.Datasets.Count} dataset(s), {configuration.Datasets.Sum(d => d.Tables.Count)} table(s), " +
                $"environments: {string.Join(", ", configuration.Settings.Environments.Keys)} (default {configuration.Settings.DefaultEnvironment}).");
            return ExitCodes.Success;
        });
        return command;
    }
}
