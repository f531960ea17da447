using System.CommandLine;
using Medallion.Delta.Storage;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Ledger;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands.TableShow;

/// <summary>
/// The table <c>medallion table show</c> reads: a configured dataset's table in one of its layers,
/// found through the environment's lake, or any Delta table by folder or <c>s3://</c> URI. The
/// argument is a path when it has a <c>/</c> or a <c>\</c> (an <c>s3://</c> URI does; a folder
/// beside the working directory is <c>./name</c>), else a dataset name.
/// </summary>
internal sealed class ShowTarget(IObjectStore store, string tablePath) : IDisposable
{
    public IObjectStore Store { get; } = store;

    /// <summary>The table's folder below the store's root ("" when the store is the table).</summary>
    public string TablePath { get; } = tablePath;

    /// <summary>Where the table is, for messages.</summary>
    public string Description => Store.Describe(TablePath);

    public static bool IsPath(string argument) =>
        argument.Contains('/', StringComparison.Ordinal) || argument.Contains('\\', StringComparison.Ordinal);

    /// <exception cref="ArgumentException">An unknown dataset, table or environment; a dataset of several tables without <c>--table</c>; no run to show.</exception>
    public static async Task<ShowTarget> OpenDatasetAsync(
        string conf, string dataset, string? table, string? environment, ShowLayer layer, string? runKey, CancellationToken cancellationToken)
    {
        var selection = PipelineSelection.Resolve(CliContext.LoadConfiguration(conf), dataset, table, environment);
        if (selection.Tables.Count != 1)
        {
            throw new ArgumentException($"Dataset '{dataset}' has tables {string.Join(", ", selection.Tables.Select(t => t.Name))}; pick one with --table.");
        }

        var spec = selection.Tables[0];
        var store = LakeResolver.Open(selection.Environment).Store;
        try
        {
            var layout = new LakeLayout(selection.Dataset.Name, spec.Name, spec.SchemaVersion);
            var path = layer switch
            {
                ShowLayer.Current => layout.SilverCurrent,
                ShowLayer.Bronze => layout.Bronze,
                ShowLayer.Quarantine => layout.Quarantine,
                ShowLayer.Silver => layout.SilverRun(runKey ?? await NewestRunAsync(store, layout, cancellationToken)),
                _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer."),
            };
            return new ShowTarget(store, path);
        }
        catch
        {
            (store as IDisposable)?.Dispose();
            throw;
        }
    }

    public static ShowTarget OpenPath(ParseResult parseResult, string path)
    {
        var location = TableLocation.Open(parseResult, path);
        return new ShowTarget(location.Store, "");
    }

    public void Dispose() => (Store as IDisposable)?.Dispose();

    private static async Task<string> NewestRunAsync(IObjectStore store, LakeLayout layout, CancellationToken cancellationToken)
    {
        var runs = await new RunLedger(store).ListAsync(layout, cancellationToken);
        return runs.Where(r => r.Silver is not null).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunKey, StringComparer.Ordinal).FirstOrDefault()?.RunKey
            ?? throw new ArgumentException($"{layout.Dataset}.{layout.Table} has no run with a silver table yet; run it first, or show --layer bronze.");
    }
}
