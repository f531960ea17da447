using System.CommandLine;
using Medallion.Orchestration;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>The tables a command works on: the dataset argument, <c>--table</c> and <c>--env</c>, opened in the environment's lake.</summary>
internal static class LakeTables
{
    /// <exception cref="ArgumentException">An unknown dataset, table or environment.</exception>
    public static IReadOnlyList<LakeTable> Open(ParseResult parseResult, Argument<string> dataset, Option<string?> table, Option<string?> environment)
    {
        var configuration = CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!);
        var selection = PipelineSelection.Resolve(configuration, parseResult.GetValue(dataset)!, parseResult.GetValue(table), parseResult.GetValue(environment));
        var lake = LakeResolver.Open(selection.Environment);
        return [.. selection.Tables.Select(t => new LakeTable(lake.Store, selection.Dataset, t) { Environment = selection.Environment })];
    }
}
