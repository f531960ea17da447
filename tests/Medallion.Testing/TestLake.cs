using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Delta.Reading;
using Medallion.Delta.Storage;

namespace Medallion.Testing;

/// <summary>
/// A temporary project folder for end-to-end tests: <c>conf/</c> with a local environment whose
/// lake and raw roots are inside it, helpers to write datasets and raw files, and a DuckDB
/// connection to read the Delta tables a run leaves behind.
/// </summary>
public sealed class TestLake : IDisposable
{
    private readonly TempDirectory _directory = new("medallion-lake");

    public TestLake(string memoryLimit = "1GB")
    {
        Directory.CreateDirectory(DatasetsDirectory);
        Directory.CreateDirectory(RawRoot);
        File.WriteAllText(Path.Combine(ConfDirectory, "medallion.yaml"), $"""
            default_environment: local
            environments:
              local:
                lake_root: {LakeRoot}
                raw_root: {RawRoot}
                engine: duckdb
                duckdb:
                  memory_limit: {memoryLimit}
                  temp_directory: {Path.Combine(_directory.Path, "tmp")}
                  threads: 2
            """);
    }

    public string Root => _directory.Path;

    public string ConfDirectory => Path.Combine(Root, "conf");

    public string DatasetsDirectory => Path.Combine(ConfDirectory, "datasets");

    public string LakeRoot => Path.Combine(Root, "lake");

    public string RawRoot => Path.Combine(Root, "raw");

    public IObjectStore Store => new LocalObjectStore(LakeRoot);

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

        DuckDbSnapshotReader.CreateView(connection, snapshot, Path.Combine(LakeRoot, tablePath), "t");
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

    public void Dispose() => _directory.Dispose();

    private static string Format(object value) => value switch
    {
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(v => v?.ToString())) + "]",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
