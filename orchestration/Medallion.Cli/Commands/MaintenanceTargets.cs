using System.CommandLine;
using Medallion.Delta.Storage;
using Medallion.Jobs.Config;
using Medallion.Orchestration.Runs;

namespace Medallion.Cli.Commands;

/// <summary>
/// The tables <c>table optimize</c> and <c>table vacuum</c> work on: a dataset's tables in one layer
/// of the environment's lake, or one table by folder or <c>s3://</c> URI (as <c>table show</c> tells them apart).
/// </summary>
internal sealed class MaintenanceTargets : IDisposable
{
    private MaintenanceTargets(IObjectStore store, DuckDbSpec engine, IReadOnlyList<MaintenanceTarget> tables)
    {
        Store = store;
        Engine = engine;
        Tables = tables;
    }

    public static Argument<string> Target { get; } = new("dataset-or-table")
    {
        Description = "A dataset name (its tables in the environment's lake), or a table folder (with a /, e.g. ./t) or s3://bucket/prefix/table.",
    };

    public static Option<MaintenanceLayer> Layer { get; } = new("--layer", "-l")
    {
        Description = "A dataset's layer: silver (current/, the promoted table; the default), bronze or quarantine.",
        DefaultValueFactory = _ => MaintenanceLayer.Silver,
    };

    public IObjectStore Store { get; }

    /// <summary>The DuckDB settings compaction runs with: the environment's, or defaults with a temp folder for a path.</summary>
    public DuckDbSpec Engine { get; }

    public IReadOnlyList<MaintenanceTarget> Tables { get; }

    /// <exception cref="ArgumentException">An unknown dataset, table or environment, or a bad path.</exception>
    public static MaintenanceTargets Open(ParseResult parseResult, Option<string?> table, Option<string?> environment)
    {
        var argument = parseResult.GetValue(Target)!;
        if (TableShow.ShowTarget.IsPath(argument))
        {
            var location = TableLocation.Open(parseResult, argument);
            var engine = DuckDbSpec.Default with { TempDirectory = Path.Combine(Path.GetTempPath(), "medallion") };
            // Another tool's table, or one of Medallion's layers by path: files tagged with a run stay apart.
            return new MaintenanceTargets(location.Store, engine, [new MaintenanceTarget("", location.Description, KeepRunsApart: true)]);
        }

        var selection = PipelineSelection.Resolve(CliContext.LoadConfiguration(parseResult.GetValue(CommonOptions.Conf)!), argument, parseResult.GetValue(table), parseResult.GetValue(environment));
        var store = LakeResolver.Open(selection.Environment).Store;
        var layer = parseResult.GetValue(Layer);
        var tables = selection.Tables.Select(spec =>
        {
            var layout = new Jobs.Lake.LakeLayout(selection.Dataset.Name, spec.Name, spec.SchemaVersion);
            var name = $"{selection.Dataset.Name}.{spec.Name}";
            return layer switch
            {
                MaintenanceLayer.Silver => new MaintenanceTarget(layout.SilverCurrent, $"{name} current/", KeepRunsApart: false),
                MaintenanceLayer.Bronze => new MaintenanceTarget(layout.Bronze, $"{name} bronze", KeepRunsApart: true),
                MaintenanceLayer.Quarantine => new MaintenanceTarget(layout.Quarantine, $"{name} quarantine", KeepRunsApart: true),
                _ => throw new ArgumentOutOfRangeException(nameof(parseResult), layer, "Unknown layer."),
            };
        });
        return new MaintenanceTargets(store, selection.Environment.DuckDb, [.. tables]);
    }

    public void Dispose() => (Store as IDisposable)?.Dispose();
}
