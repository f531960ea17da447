using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The statements of one table's silver layer on the embedded engine, built once per run:
/// <see cref="SilverStep"/> executes them and <c>medallion plan</c> prints <see cref="Listing"/>,
/// so the printed plan is what runs (see <see cref="SilverStatements"/> for why they take this shape).
/// </summary>
internal sealed class SilverScript
{
    /// <summary>The run's bronze files as the Delta snapshot reader exposes them, before the run key filter.</summary>
    public const string BronzeRunFilesView = "bronze_run_files";

    private readonly string _lakeDirectory;

    /// <param name="lakeDirectory">The local folder the engine writes tables into.</param>
    public SilverScript(TablePlan plan, RunValues run, string lakeDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        _lakeDirectory = lakeDirectory;
        Plan = plan;
        Layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        // LakeLayout.SilverRun would check the key again, and refuse the plan's placeholder; a run's key is checked already.
        RunPath = $"{Layout.SilverRuns}/run_key={run.RunKey}";
        Query = SilverStatements.Render(plan);
        InputView = $"CREATE OR REPLACE TEMP VIEW {SilverStatements.InputView} AS SELECT * FROM {BronzeRunFilesView} " +
            $"WHERE {LineageColumns.RunKey} = {DuckDbDialect.Instance.StringLiteral(run.RunKey)}";
        RoutedView = [.. SilverStatements.CreateRoutedView(Query)];
        Exceptions = SilverStatements.CreateExceptions(plan);
        Counts = SilverStatements.Counts(plan);
        Silver = ParquetWrite.Silver(plan, Query, run);
        Quarantine = ParquetWrite.Quarantine(run, Query);
    }

    public TablePlan Plan { get; }

    public LakeLayout Layout { get; }

    /// <summary>The run's staged silver table, relative to the lake.</summary>
    public string RunPath { get; }

    public SilverQuery Query { get; }

    /// <summary>The run's bronze rows, the input of every silver query.</summary>
    public string InputView { get; }

    /// <summary>The repeated keys of unique rules, then the routed view (transforms and every rule).</summary>
    public IReadOnlyList<string> RoutedView { get; }

    /// <summary>The rows that are not plain silver, materialized once.</summary>
    public string Exceptions { get; }

    /// <summary>One row of counts in the layout of <see cref="SilverCounts.From"/>.</summary>
    public string Counts { get; }

    /// <summary>The silver rows, into <see cref="RunPath"/>.</summary>
    public ParquetWrite Silver { get; }

    /// <summary>The quarantined rows, into the run key's partition of the quarantine table.</summary>
    public ParquetWrite Quarantine { get; }

    /// <summary>Every statement in the order the step runs them.</summary>
    public IReadOnlyList<string> Listing =>
    [
        $"-- {BronzeRunFilesView}: the live files of {DuckDbTables.LocalPath(_lakeDirectory, Layout.Bronze)} written by this run key, read through its Delta log\n{InputView}",
        .. RoutedView,
        $"-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few\n{Exceptions}",
        Counts,
        ParquetFileWriter.CopyStatement(Silver, DuckDbTables.LocalPath(_lakeDirectory, RunPath)),
        ParquetFileWriter.CopyStatement(Quarantine, DuckDbTables.LocalPath(_lakeDirectory, Layout.Quarantine)),
        "-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition",
    ];
}
