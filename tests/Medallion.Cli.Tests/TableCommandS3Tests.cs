using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Delta;
using Medallion.Delta.S3;
using Medallion.Delta.Schema;
using Medallion.Testing;
using Medallion.Testing.Moto;
using Microsoft.Extensions.Time.Testing;

namespace Medallion.Cli.Tests;

/// <summary><c>medallion table</c> against a table on S3 (moto), with credentials from the SDK's default chain.</summary>
[Collection(MotoCollection.Name)]
public sealed class TableCommandS3Tests
{
    private readonly MotoServer _moto;

    public TableCommandS3Tests(MotoServer moto)
    {
        _moto = moto;

        // The CLI has no credential options: like any AWS tool it reads the environment first.
        // moto accepts any keys; these are its test keys, never real ones.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
    }

    [Fact]
    public async Task InspectAndHistory_TableOnS3_PrintCountsFromStatsAndFromTheDataFiles()
    {
        var bucket = _moto.CreateBucket();
        await CreateTableAsync(bucket);
        var uri = $"s3://{bucket}/lake/prod/silver/orders";
        string[] s3Options = ["--region", MotoServer.Region, "--endpoint-url", _moto.Endpoint.ToString()];

        var inspect = await CliRunner.RunAsync(["table", "inspect", uri, "--json", .. s3Options]);
        var history = await CliRunner.RunAsync(["table", "history", uri, .. s3Options]);

        Assert.True(inspect.ExitCode == 0, inspect.Error);
        var report = JsonNode.Parse(inspect.Output)!;
        Assert.Equal(1, report["version"]!.GetValue<long>());
        Assert.Equal((2, 7L, 1), (report["numFiles"]!.GetValue<int>(), report["numRecords"]!.GetValue<long>(), report["filesCountedFromData"]!.GetValue<int>()));
        Assert.Equal(["k"], report["partitionColumns"]!.AsArray().Select(column => column!.GetValue<string>()));
        Assert.Equal($"s3://{bucket}/lake/prod/silver/orders", report["location"]!.GetValue<string>());
        var lines = history.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, history.ExitCode);
        Assert.Equal(3, lines.Length);
        Assert.Contains("run-2024-05-01", lines[1], StringComparison.Ordinal);
        Assert.Contains("rowsWritten=5", lines[1], StringComparison.Ordinal);
        Assert.Contains("WRITE", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.SecretKey, inspect.Output + inspect.Error + history.Output + history.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MissingBucket_ExitsOneNamingTheLocation()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("table", "inspect", "s3://medallion-missing-bucket/t", "--region", MotoServer.Region, "--endpoint-url", _moto.Endpoint.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("s3://medallion-missing-bucket/t", error, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.SecretKey, error, StringComparison.Ordinal);
    }

    /// <summary>Version 0: five rows with stats; version 1: two rows in a file without stats (as some writers leave them).</summary>
    private async Task CreateTableAsync(string bucket)
    {
        using var store = new S3ObjectStore(_moto.Settings(), bucket, "lake/prod");
        using var local = new TempDirectory();
        var table = new DeltaTable(store, "silver/orders", new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        var schema = new DeltaSchema([new DeltaField("id", DeltaPrimitiveType.Long), new DeltaField("k", DeltaPrimitiveType.String)]);

        var create = await table.StartTransactionAsync();
        create.SetMetadata(schema, ["k"]);
        create.Add(await UploadAsync(store, local, "SELECT range AS id FROM range(5)", "k=a/one.parquet", new FileStatistics(5, new Dictionary<string, JsonNode?>(), new Dictionary<string, JsonNode?>(), new Dictionary<string, long>())));
        await create.CommitAsync("WRITE", commitInfoExtras: new Dictionary<string, JsonNode?> { ["runKey"] = "run-2024-05-01", ["medallion.rowsWritten"] = 5 });

        var append = await table.StartTransactionAsync();
        append.Add(await UploadAsync(store, local, "SELECT range AS id FROM range(2)", "k=b/two.parquet", stats: null));
        await append.CommitAsync("WRITE");
    }

    private static async Task<AddFile> UploadAsync(S3ObjectStore store, TempDirectory local, string query, string path, FileStatistics? stats)
    {
        var file = local.Combine(path.Replace('/', '_'));
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({query}) TO '{file}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var content = await File.ReadAllBytesAsync(file);
        await store.WriteAsync($"silver/orders/{path}", content);
        return new AddFile(path, new Dictionary<string, string?> { ["k"] = path[2..3] }, content.Length, 1, DataChange: true, stats);
    }
}
