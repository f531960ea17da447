using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Delta.S3;
using Medallion.Delta.Storage;
using Medallion.Jobs.Engine.DuckDb;
using Medallion.Testing.Moto;

namespace Medallion.Testing;

/// <summary>
/// A temporary project folder for end-to-end tests: <c>conf/</c> with a local environment whose
/// lake and raw roots are inside it, helpers to write datasets and raw files, and a DuckDB
/// connection to read the Delta tables a run leaves behind. <see cref="OnS3"/> puts the lake (and
/// optionally the raw root) in a fresh moto bucket instead; the helpers below work on either.
/// </summary>
public sealed partial class TestLake : IDisposable
{
    private readonly TempDirectory _directory = new("medallion-lake");
    private readonly IObjectStore? _s3Lake;
    private readonly IObjectStore? _s3Raw;

    public TestLake(string memoryLimit = "1GB")
        : this(memoryLimit, moto: null, rawOnS3: false)
    {
    }

    private TestLake(string memoryLimit, MotoServer? moto, bool rawOnS3)
    {
        Directory.CreateDirectory(DatasetsDirectory);
        Directory.CreateDirectory(RawRoot);
        var lakeRoot = LakeRoot;
        var rawRoot = RawRoot;
        var aws = "";
        if (moto is not null)
        {
            var bucket = moto.CreateBucket();
            _s3Lake = new S3ObjectStore(moto.Settings(), bucket, "lake");
            lakeRoot = $"s3://{bucket}/lake";
            if (rawOnS3)
            {
                _s3Raw = new S3ObjectStore(moto.Settings(), bucket, "raw");
                rawRoot = $"s3://{bucket}/raw";
            }

            aws = $"""

                    aws:
                      region: {MotoServer.Region}
                      endpoint_url: {moto.Endpoint}
                """;
        }

        LakeUri = lakeRoot;
        File.WriteAllText(Path.Combine(ConfDirectory, "medallion.yaml"), $"""
            default_environment: local
            environments:
              local:
                lake_root: {lakeRoot}
                raw_root: {rawRoot}
                engine: duckdb
                duckdb:
                  memory_limit: {memoryLimit}
                  temp_directory: {EngineTempDirectory}
                  threads: 2{aws}
            """);
    }

    public string Root => _directory.Path;

    /// <summary>The configured <c>lake_root</c>: <see cref="LakeRoot"/>, or <c>s3://bucket/lake</c> on S3.</summary>
    public string LakeUri { get; }

    /// <summary>The environment's <c>duckdb.temp_directory</c>, where an S3 run stages its files.</summary>
    public string EngineTempDirectory => Path.Combine(_directory.Path, "tmp");

    /// <summary>
    /// A lake in a new moto bucket (<c>s3://bucket/lake</c>), its raw root there too (<c>s3://bucket/raw</c>)
    /// or the local <see cref="RawRoot"/>. Sets the AWS SDK's environment credentials to moto's test keys,
    /// because the lake is opened like any AWS tool opens it: through the default credential chain.
    /// Registers the S3 store as a host does, so code under test can open the <c>s3://</c> roots.
    /// </summary>
    public static TestLake OnS3(MotoServer moto, bool rawOnS3 = true, string memoryLimit = "1GB")
    {
        ArgumentNullException.ThrowIfNull(moto);
        ObjectStoreRegistry.Default.Register(new S3ObjectStoreFactory());
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
        return new TestLake(memoryLimit, moto, rawOnS3);
    }

    public string ConfDirectory => Path.Combine(Root, "conf");

    public string DatasetsDirectory => Path.Combine(ConfDirectory, "datasets");

    public string LakeRoot => Path.Combine(Root, "lake");

    public string RawRoot => Path.Combine(Root, "raw");

    public IObjectStore Store => _s3Lake ?? new LocalObjectStore(LakeRoot);

    public string WriteDataset(string name, string yaml)
    {
        var path = Path.Combine(DatasetsDirectory, name + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public string WriteRaw(string relativePath, string content) => WriteRaw(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public string WriteRaw(string relativePath, byte[] content)
    {
        var path = Path.Combine(RawRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        _s3Raw?.WriteAsync(relativePath.Replace('\\', '/'), content).GetAwaiter().GetResult();
        return path;
    }

    /// <summary>The latest snapshot of a table below the lake root.</summary>
    public DeltaSnapshot Snapshot(string tablePath) =>
        new DeltaTable(Store, tablePath).LoadSnapshotAsync().GetAwaiter().GetResult();

    /// <summary>Runs a query over a Delta table (exposed as the view <c>t</c>) and returns its rows as text.</summary>
    public IReadOnlyList<string[]> Query(string tablePath, string sql)
    {
        var snapshot = Snapshot(tablePath);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "SET TimeZone = 'UTC'";
            setup.ExecuteNonQuery();
        }

        DuckDbSnapshotReader.CreateView(connection, snapshot, StageTable(snapshot), "t");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "NULL" : Format(reader.GetValue(i)))
                .ToArray());
        }

        return rows;
    }

    /// <summary>A single number from <see cref="Query"/>.</summary>
    public long Count(string tablePath, string where = "TRUE") =>
        long.Parse(Query(tablePath, $"SELECT count(*) FROM t WHERE {where}")[0][0], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        (_s3Lake as IDisposable)?.Dispose();
        (_s3Raw as IDisposable)?.Dispose();
        _directory.Dispose();
    }

    private static string Format(object value) => value switch
    {
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(v => v?.ToString())) + "]",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
