using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Jobs.Sql;
using Medallion.Samples;

namespace Medallion.Benchmarks;

/// <summary>
/// A scratch folder for the engine benchmark: generated mortgage-transaction input under
/// <c>raw/</c>, a <c>conf/</c> that reads it (the committed sample's rules, one table per format),
/// and the outputs of each repetition. Deletes itself, gigabytes of input included.
/// </summary>
internal sealed class BenchmarkWorkspace : IDisposable
{
    public const string Dataset = SampleGenerator.MortgageTransactions;
    public const string Environment = "bench";

    public BenchmarkWorkspace(string? parent)
    {
        Root = Path.Combine(Path.GetFullPath(parent ?? Path.GetTempPath()), $"medallion-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(RawDirectory);
    }

    public string Root { get; }

    public string RawDirectory => Path.Combine(Root, "raw");

    public string ConfDirectory => Path.Combine(Root, "conf");

    public string TempDirectory => Path.Combine(Root, "tmp");

    public string InputDirectory => Path.Combine(RawDirectory, Dataset);

    /// <summary>The scratch lake Medallion's runs write into.</summary>
    public string LakeDirectory => Output("lake");

    /// <summary>A folder for one repetition's output, its parent created (removed by <see cref="Clear"/>).</summary>
    public string Output(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "out")).FullName, name);

    /// <summary>Writes about <paramref name="bytes"/> of input per <paramref name="format"/>; returns the tables written.</summary>
    public IReadOnlyList<BenchmarkTable> Generate(long bytes, BenchmarkFormat format, string memoryLimit, CancellationToken cancellationToken)
    {
        var formats = format switch
        {
            BenchmarkFormat.Csv or BenchmarkFormat.Parquet => new[] { SampleFormat.Default },
            BenchmarkFormat.Ndjson => [SampleFormat.Ndjson],
            _ => [SampleFormat.Default, SampleFormat.Ndjson],
        };
        var tables = new List<BenchmarkTable>();
        foreach (var sampleFormat in formats)
        {
            var rows = Math.Max(1, (long)(bytes / formats.Length / BytesPerRow(sampleFormat, cancellationToken)));
            var written = SampleGenerator.Generate(Dataset, rows, InputDirectory, format: sampleFormat, cancellationToken: cancellationToken).Tables[0];
            var source = sampleFormat == SampleFormat.Ndjson ? "ndjson" : "csv";
            tables.Add(new BenchmarkTable(
                source, BenchmarkConfiguration.TableName(source), Path.Combine(InputDirectory, $"*.{source}"), written.Bytes, written.RowsRead,
                written.SilverRows, written.QuarantinedRows));
        }

        if (format == BenchmarkFormat.Parquet)
        {
            tables = [ToParquet(tables[0], memoryLimit, cancellationToken)];
        }

        BenchmarkConfiguration.Write(ConfDirectory, RawDirectory, LakeDirectory, TempDirectory, [.. tables.Select(t => t.Source)], memoryLimit);
        return tables;
    }

    public void Clear(string name)
    {
        var path = Output(name);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leave a scratch folder behind rather than hide the benchmark's own result or error.
        }
    }

    /// <summary>
    /// The generated CSV as a typed Parquet file, in the same order: amounts as DECIMAL(18,2) and
    /// timestamps as TIMESTAMPTZ (a value that does not cast is null there), ids and codes as the
    /// text they were, spaces included; lines DuckDB cannot read are left out. The CSV is deleted.
    /// </summary>
    private BenchmarkTable ToParquet(BenchmarkTable csv, string memoryLimit, CancellationToken cancellationToken)
    {
        var sql = DuckDbDialect.Instance;
        var target = Path.Combine(InputDirectory, "transactions.parquet");
        using (var session = new DuckDbSession(new DuckDbSpec(memoryLimit, TempDirectory), new DuckDbSandbox([InputDirectory], [])))
        {
            session.Execute("SET preserve_insertion_order = true", cancellationToken);
            session.Execute(
                "COPY (SELECT transaction_id, customer_id, TRY_CAST(transaction_amount AS DECIMAL(18,2)) AS transaction_amount, currency, " +
                "TRY_CAST(transaction_timestamp AS TIMESTAMPTZ) AS transaction_timestamp " +
                $"FROM read_csv({sql.StringLiteral(csv.Glob)}, header = true, auto_detect = false, columns = {BareDuckDbCopy.TextColumns}, ignore_errors = true)) " +
                $"TO {sql.StringLiteral(target)} (FORMAT parquet, COMPRESSION zstd)",
                cancellationToken);
        }

        foreach (var file in Directory.GetFiles(InputDirectory, "*.csv"))
        {
            File.Delete(file);
        }

        using var count = new DuckDbSession(new DuckDbSpec(memoryLimit, TempDirectory), new DuckDbSandbox([InputDirectory], []));
        var rows = count.Scalar($"SELECT count(*) FROM read_parquet({sql.StringLiteral(target)})", cancellationToken);
        return new BenchmarkTable("parquet", BenchmarkConfiguration.TableName("parquet"), target, new FileInfo(target).Length, rows, null, null);
    }

    /// <summary>The average record size of a format, from a small probe of the same generator.</summary>
    private double BytesPerRow(SampleFormat format, CancellationToken cancellationToken)
    {
        const int probeRows = 20_000;
        var probe = Path.Combine(Root, "probe");
        var written = SampleGenerator.Generate(Dataset, probeRows, probe, format: format, cancellationToken: cancellationToken);
        Directory.Delete(probe, recursive: true);
        return (double)written.TotalBytes / probeRows;
    }
}
