using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// The statements the embedded engine runs for a table, as <c>medallion plan</c> prints them.
/// They come from the same builders the engine calls; only the run key, the lake folder and
/// the file list are placeholders.
/// </summary>
internal static class DuckDbPlanScript
{
    public const string RunKeyPlaceholder = "<run-key>";

    /// <summary>A run at the Unix epoch, whose dates <see cref="ShowRunStart"/> turns into a placeholder.</summary>
    private static readonly RunContext PlaceholderRun = new(RunKeyPlaceholder, DateTimeOffset.UnixEpoch);

    public static IReadOnlyList<string> Bronze(TablePlan plan, IReadOnlyList<string> files, string rawRoot, string lakeDirectory)
    {
        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        return
        [
            .. RawRecordsReader.Statements(plan.Table, files),
            ShowRunStart(BronzeRowsView.Create(plan.Table, PlaceholderRun, rawRoot)),
            ShowRunStart(ParquetFileWriter.CopyStatement(ParquetWrite.Bronze(PlaceholderRun), Path.Combine(lakeDirectory, layout.Bronze))),
            "-- then one Delta commit on the bronze table: add the files written, remove the files of an earlier attempt of this run key",
        ];
    }

    public static IReadOnlyList<string> Silver(TablePlan plan, string lakeDirectory)
    {
        var sql = DuckDbDialect.Instance;
        var layout = new LakeLayout(plan.Dataset.Name, plan.Table.Name, plan.Table.SchemaVersion);
        var query = SilverStatements.Render(plan);
        var runDirectory = Path.Combine(lakeDirectory, layout.SilverRuns, $"run_key={RunKeyPlaceholder}");
        return
        [
            $"-- bronze_run_files: the live files of {Path.Combine(lakeDirectory, layout.Bronze)} written by this run key, read through its Delta log\n" +
            $"CREATE OR REPLACE TEMP VIEW {SilverStep.InputView} AS SELECT * FROM bronze_run_files WHERE {LineageColumns.RunKey} = {sql.StringLiteral(RunKeyPlaceholder)}",
            .. SilverStatements.CreateRoutedView(query),
            $"-- the rows that are not plain silver (quarantined, duplicates, filtered, or breaking a rule): usually few\n{SilverStatements.CreateExceptions(plan)}",
            SilverStatements.Counts(plan),
            ParquetFileWriter.CopyStatement(ParquetWrite.Silver(plan, query), runDirectory),
            ParquetFileWriter.CopyStatement(ParquetWrite.Quarantine(PlaceholderRun, query), Path.Combine(lakeDirectory, layout.Quarantine)),
            "-- then one Delta commit creating the staged run table, and one on the quarantine table replacing this run key's partition",
        ];
    }

    private static string ShowRunStart(string statement) => statement.Replace("1970-01-01", "<run start>", StringComparison.Ordinal);
}
