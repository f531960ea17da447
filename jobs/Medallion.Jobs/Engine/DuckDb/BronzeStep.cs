using System.Diagnostics;
using System.Globalization;
using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Ingestion;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Bronze for one table: raw files → typed rows with lineage → appended to the bronze Delta
/// table in one commit that also removes the rows an earlier attempt of the same run key
/// wrote, so re-running a key replaces its rows instead of duplicating them. The commit counts
/// "the rows of the key" as read: an attempt of the same key committing meanwhile makes it fail
/// instead of doubling the rows (<see cref="DuckDbTables.ReplaceRun"/>). The same commit records
/// which raw objects the rows came from (<see cref="IngestedObjects"/>) and replaces the rows
/// earlier runs took from those objects (<see cref="EarlierRows"/>), so bronze holds each object's
/// records once however often it is read (<see cref="BronzeCommit"/>, shared with the Spark job host).
/// The statements are <see cref="BronzeScript"/>'s, in its listing's order.
/// </summary>
/// <param name="scratchDirectory">Where the reader writes repaired copies of files DuckDB refused (see <see cref="RawRecordsReader"/>).</param>
internal sealed class BronzeStep(DuckDbSession session, DuckDbTables tables, string scratchDirectory)
{
    /// <param name="objects">The raw objects <paramref name="files"/> are copies of, as their store lists them: recorded on the files written, and their earlier rows replaced.</param>
    /// <param name="bronze">The bronze table's latest snapshot when the caller already loaded it (to choose the objects), so it is not loaded twice; null: loaded here.</param>
    public async Task<LayerResult> RunAsync(
        BronzeScript script, RunContext run, IReadOnlyList<string> files, IReadOnlyList<RawObject> objects, DeltaSnapshot? bronze = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var plan = script.Plan;
        if (plan.Table.Source.Format == SourceFormat.Parquet && files.Count > 0)
        {
            // Typed files are read typed, in place: see ParquetRowsView.
            var parquet = ReadFiles.Exactly(files);
            var types = session.Query(script.DescribeParquet(parquet), r => r.GetString(1), cancellationToken);
            foreach (var statement in script.ParquetRows(parquet, types))
            {
                session.Execute(statement, cancellationToken);
            }
        }
        else
        {
            new RawRecordsReader(session, scratchDirectory, script.RawRoot).Load(plan.Table, files, cancellationToken);
            session.Execute(script.RowsView, cancellationToken);
        }

        var (read, malformed) = session.Query(
            BronzeScript.Counts,
            r => (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)),
            cancellationToken)[0];

        var writer = new ParquetFileWriter(session, tables);
        var (version, written) = await new BronzeCommit(session, tables).CommitAsync(
            plan, script.TablePath, run, objects, read, (schema, token) => writer.WriteAsync(script.Write, script.TablePath, schema, token), bronze, cancellationToken);
        return new LayerResult(
            "bronze", tables.Store.Describe(script.TablePath), read, read, Quarantined: 0, DuplicatesRemoved: 0, Filtered: 0, malformed,
            new Dictionary<string, long>(), version, written.Count, clock.Elapsed);
    }
}
