using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Medallion.Delta;
using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Ingestion;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>
/// Bronze for one table: raw files → typed rows with lineage → appended to the bronze Delta
/// table in one commit that also removes the rows an earlier attempt of the same run key
/// wrote, so re-running a key replaces its rows instead of duplicating them. The commit counts
/// "the rows of the key" as read: an attempt of the same key committing meanwhile makes it fail
/// instead of doubling the rows (<see cref="DuckDbTables.ReplaceRun"/>). The same commit records
/// which raw objects the rows came from (<see cref="IngestedObjects"/>) and replaces the rows
/// earlier runs took from those objects (<see cref="EarlierRows"/>), so bronze holds each object's
/// records once however often it is read. The statements
/// are <see cref="BronzeScript"/>'s, in its listing's order.
/// </summary>
/// <param name="scratchDirectory">Where the reader writes repaired copies of files DuckDB refused (see <see cref="RawRecordsReader"/>).</param>
internal sealed class BronzeStep(DuckDbSession session, DuckDbTables tables, string scratchDirectory)
{
    /// <param name="objects">The raw objects <paramref name="files"/> are copies of, as their store lists them: recorded on the files written, and their earlier rows replaced.</param>
    public async Task<LayerResult> RunAsync(
        BronzeScript script, RunContext run, IReadOnlyList<string> files, IReadOnlyList<RawObject> objects, CancellationToken cancellationToken = default)
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

        var schema = LakeSchemas.Bronze(plan);
        var table = tables.Open(script.TablePath);
        var transaction = await table.StartTransactionAsync(cancellationToken);
        SchemaChanges.Apply(transaction, schema, LakeSchemas.BronzePartitions, plan.Table, script.TablePath);
        DuckDbTables.ReplaceRun(transaction, run.RunKey);
        var reread = await new EarlierRows(session, tables, script.TablePath).ReplaceAsync(transaction, run.RunKey, objects, cancellationToken);

        var written = await new ParquetFileWriter(session, tables).WriteAsync(script.Write, script.TablePath, schema, cancellationToken);
        var held = IngestedObjects.Write(objects);
        foreach (var file in written)
        {
            // The record of what was ingested goes in the commit that adds the rows (see IngestedObjects).
            transaction.Add(file with { Tags = new Dictionary<string, string> { [LakeLayout.RunKeyTag] = run.RunKey, [IngestedObjects.Tag] = held } });
        }

        var version = await CommitInfo.CommitRunAsync(
            transaction,
            tables.Store.Describe(script.TablePath),
            run.RunKey,
            new Dictionary<string, JsonNode?> { ["mode"] = "ReplaceRunKey", ["runKey"] = run.RunKey, ["rawObjects"] = objects.Count, ["rawObjectsReread"] = reread },
            CommitInfo.Extras(run, read, written.Sum(f => f.Stats?.NumRecords ?? 0), quarantined: 0),
            cancellationToken);
        return new LayerResult(
            "bronze", tables.Store.Describe(script.TablePath), read, read, Quarantined: 0, DuplicatesRemoved: 0, Filtered: 0, malformed,
            new Dictionary<string, long>(), version, written.Count, clock.Elapsed);
    }
}
