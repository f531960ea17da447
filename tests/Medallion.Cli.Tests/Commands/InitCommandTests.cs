using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Medallion.Cli.Tests.Schemas;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Schema;
using Medallion.Testing;

namespace Medallion.Cli.Tests.Commands;

/// <summary>
/// <c>medallion init</c> end to end: the sample files in <c>InitSamples/</c> (and a Parquet file DuckDB
/// writes) go under the raw root, init writes the YAML, <c>medallion datasets</c> accepts it and
/// <c>medallion run</c> takes every row to silver; each column gets the type listed here.
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(RepositoryPaths.Root, "tests", "Medallion.Cli.Tests", "Commands", "InitSamples");
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public async Task Csv_TypesEachColumnAndRunsEveryRowToSilver()
    {
        var yaml = await InitAndRun("orders", "orders/orders.csv", "orders.csv", rows: 5, new()
        {
            ["order_id"] = ("int", "order_id"),
            ["customer_name"] = ("string", "Customer Name"),
            ["zip"] = ("string", "zip"),                       // 01234: the leading zero stays
            ["amount"] = ("decimal(18,2)", "amount"),          // 12, 7.5, 3.25: mixed whole and fractional
            ["ordered_at"] = ("timestamp", "ordered_at"),
            ["paid_on"] = ("date", "paid_on"),
            ["note"] = ("string", "note"),                     // null in 4 of 5 rows
            ["coupon"] = ("string", "coupon"),                 // always null
            ["is_gift"] = ("boolean", "is_gift"),
            ["ratio"] = ("double", "ratio"),
            ["big_number"] = ("long", "big_number"),
            ["eu_date"] = ("date", "eu_date"),                 // dd/mm/yyyy: not ISO, declared with its format
        });

        Assert.Contains("primary_key: [order_id]", yaml, StringComparison.Ordinal);
        Assert.Contains("path: 'orders/*.csv'", yaml, StringComparison.Ordinal);
        Assert.Contains("quote: '\"'", yaml, StringComparison.Ordinal);
        Assert.Contains("#   - not_null: { column: order_id }", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("not_null: { column: note }", yaml, StringComparison.Ordinal);
        Assert.Matches(@"eu_date, type: date, format: 'd/M/yyyy' }.*# written as d/M/yyyy", yaml);
        Assert.Matches(@"note.*# null in 4 of 5 rows", yaml);
        Assert.Matches(@"zip.*# digits with leading zeros \(e\.g\. 00501\)", yaml);
        Assert.Contains("from 5 sampled row(s) of orders.csv", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonArrayWithNestedObjects_FlattensPathsAndRunsEveryRowToSilver()
    {
        var yaml = await InitAndRun("blog", "blog/posts.json", "posts.json", rows: 3, new()
        {
            ["id"] = ("int", "id"),
            ["title_rendered"] = ("string", "title.rendered"),
            ["author_id"] = ("int", "author.id"),
            ["author_name"] = ("string", "author.name"),
            ["tags"] = ("string", "tags"),                     // a list, kept as its JSON text
            ["views"] = ("decimal(18,1)", "views"),            // 10, 12.5, 0
            ["published"] = ("timestamp", "published"),
            ["zip"] = ("string", "zip"),                       // "01", "02", "10"
            ["draft"] = ("boolean", "draft"),
            ["meta_reading_time"] = ("int", "meta.reading time"),
        });

        Assert.Contains("primary_key: [id]", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewlineDelimitedJson_IsReadAsJsonAndRunsEveryRowToSilver()
    {
        var yaml = await InitAndRun("events", "events/events.ndjson", "events.ndjson", rows: 4, new()
        {
            ["event_id"] = ("string", "event_id"),
            ["user_id"] = ("int", "user.id"),
            ["user_country"] = ("string", "user.country"),
            ["day"] = ("date", "day"),
            ["value"] = ("int", "value"),                      // null in 3 of 4 rows
            ["kind"] = ("string", "kind"),
        });

        Assert.Contains("format: json", yaml, StringComparison.Ordinal);
        Assert.Contains("path: 'events/*.ndjson'", yaml, StringComparison.Ordinal);
        Assert.Contains("primary_key: [event_id]", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_KeepsTheStoredTypesAndRunsEveryRowToSilver()
    {
        var file = Path.Combine(_lake.RawRoot, "prices", "prices.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "COPY (SELECT i AS id, 'item ' || i AS name, CAST(i * 1.25 AS DECIMAL(10,2)) AS price, DATE '2024-01-01' + CAST(i AS INTEGER) AS day, " +
                "TIMESTAMP '2024-01-01 10:00:00' + to_hours(CAST(i AS INTEGER)) AS at, i % 2 = 0 AS even, lpad(CAST(i AS VARCHAR), 5, '0') AS zip, " +
                $"CAST(i AS DOUBLE) / 3 AS ratio FROM range(1, 21) t(i)) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var yaml = await InitAndRun("prices", file, sample: null, rows: 20, new()
        {
            ["id"] = ("long", "id"),
            ["name"] = ("string", "name"),
            ["price"] = ("decimal(10,2)", "price"),
            ["day"] = ("date", "day"),
            ["at"] = ("timestamp", "at"),
            ["even"] = ("boolean", "even"),
            ["zip"] = ("string", "zip"),
            ["ratio"] = ("double", "ratio"),
        });

        Assert.Contains("primary_key: [id]", yaml, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression: DuckDB's CSV sniffer gave up on the generated mortgage sample (bad rows on purpose)
    /// and init failed; the dialect now comes from the header line and bad rows are skipped in the sample.
    /// </summary>
    [Fact]
    public async Task CsvWithBadRows_IsStillDrafted()
    {
        // sample generate --out DIR writes the raw-root layout, DIR/<dataset>/<file>.
        var generate = await CliRunner.RunAsync("sample", "generate", "mortgage_transactions", "--rows", "200000", "--out", _lake.RawRoot);
        Assert.Equal(0, generate.ExitCode);

        var (exitCode, _, error) = await Cli("init", "mortgage", "--from", Path.Combine(_lake.RawRoot, "mortgage_transactions", "transactions.csv"));

        Assert.True(exitCode == 0, error);
        var table = ConfigLoader.LoadDataset(Path.Combine(_lake.DatasetsDirectory, "mortgage.yaml")).Tables.Single();
        Assert.Equal(
            ["transaction_id", "customer_id", "transaction_amount", "currency", "transaction_timestamp"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(',', table.Source.Csv.Delimiter);
    }

    [Fact]
    public async Task SemicolonCsv_IsReadWithItsDelimiter()
    {
        var raw = _lake.WriteRaw("eu/prices.csv", "sku;price;day\n\"A;1\";1,5;2024-01-01\nB2;2;2024-01-02\n");

        var (exitCode, _, error) = await Cli("init", "eu", "--from", raw);

        Assert.True(exitCode == 0, error);
        var table = ConfigLoader.LoadDataset(Path.Combine(_lake.DatasetsDirectory, "eu.yaml")).Tables.Single();
        Assert.Equal(';', table.Source.Csv.Delimiter);
        Assert.Equal(["sku: string", "price: string", "day: date"], table.Columns.Select(c => $"{c.Name}: {c.Type}"));
    }

    [Fact]
    public async Task ExistingFile_ExitsTwoAndLeavesItUntouched()
    {
        var raw = _lake.WriteRaw("orders/orders.csv", File.ReadAllText(Path.Combine(Samples, "orders.csv")));
        var existing = _lake.WriteDataset("orders", "dataset: orders # mine\n");

        var (exitCode, _, error) = await Cli("init", "orders", "--from", raw);

        Assert.Equal(2, exitCode);
        Assert.Contains("already exists; init never overwrites a file", error, StringComparison.Ordinal);
        Assert.Equal("dataset: orders # mine\n", File.ReadAllText(existing));
    }

    [Fact]
    public async Task SampleOutsideRawRoot_SaysWhereToPutTheFiles()
    {
        using var elsewhere = new TempDirectory();
        var sample = Path.Combine(elsewhere.Path, "orders.csv");
        File.Copy(Path.Combine(Samples, "orders.csv"), sample);

        var (exitCode, output, error) = await Cli("init", "shop", "--from", Path.Combine(elsewhere.Path, "*.csv"));

        Assert.True(exitCode == 0, error);
        Assert.Contains($"put the files in {_lake.RawRoot}/shop/", output, StringComparison.Ordinal);
        var dataset = ConfigLoader.LoadDataset(Path.Combine(_lake.DatasetsDirectory, "shop.yaml"));
        Assert.Equal("shop/*.csv", dataset.Tables[0].Source.Path);
        Assert.Equal("orders", dataset.Tables[0].Name);
    }

    [Fact]
    public async Task InvalidDatasetName_ExitsTwoWritingNothing()
    {
        var raw = _lake.WriteRaw("orders/orders.csv", File.ReadAllText(Path.Combine(Samples, "orders.csv")));

        var (exitCode, _, error) = await Cli("init", "Orders-2024", "--from", raw);

        Assert.Equal(2, exitCode);
        Assert.Contains("dataset name `Orders-2024` is invalid", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_lake.DatasetsDirectory));
    }

    [Fact]
    public async Task FormatAndTableOptions_ReadAnUnknownExtensionAsNdjson()
    {
        var raw = _lake.WriteRaw("feed/day1.txt", File.ReadAllBytes(Path.Combine(Samples, "events.ndjson")));

        var (exitCode, _, error) = await Cli("init", "feed", "--from", raw, "--format", "ndjson", "--table", "events");

        Assert.True(exitCode == 0, error);
        var table = ConfigLoader.LoadDataset(Path.Combine(_lake.DatasetsDirectory, "feed.yaml")).Tables.Single();
        Assert.Equal(("events", SourceFormat.Json, "feed/*.txt", 6), (table.Name, table.Source.Format, table.Source.Path, table.Columns.Count));
    }

    [Fact]
    public async Task UnknownExtensionWithoutFormat_ExitsTwoNamingTheFormats()
    {
        var raw = _lake.WriteRaw("feed/day1.txt", File.ReadAllBytes(Path.Combine(Samples, "events.ndjson")));

        var (exitCode, _, error) = await Cli("init", "feed", "--from", raw);

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot tell the format from `.txt`; pass --format csv|json|ndjson|parquet", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_lake.DatasetsDirectory, "feed.yaml")));
    }

    /// <summary>
    /// Puts the sample under the raw root, runs init, checks the YAML (schema reference, schema-valid,
    /// types and fields), then <c>datasets</c> and <c>run</c>, and that every row reached silver.
    /// </summary>
    private async Task<string> InitAndRun(string dataset, string rawPath, string? sample, long rows, Dictionary<string, (string Type, string Field)> expected)
    {
        var file = sample is null ? rawPath : _lake.WriteRaw(rawPath, File.ReadAllBytes(Path.Combine(Samples, sample)));

        var init = await Cli("init", dataset, "--from", file);
        Assert.True(init.ExitCode == 0, init.Error);

        var path = Path.Combine(_lake.DatasetsDirectory, dataset + ".yaml");
        var yaml = File.ReadAllText(path);
        Assert.StartsWith("# yaml-language-server: $schema=../../schemas/dataset.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.Equal(ConfigSchemas.Dataset(), File.ReadAllText(Path.Combine(_lake.Root, "schemas", "dataset.schema.json")));
        Assert.Empty(SchemaCheck.Errors(ConfigSchemas.Dataset(), yaml));
        var table = ConfigLoader.LoadDataset(path).Tables.Single();
        Assert.Equal(
            expected.Select(e => $"{e.Key}: {e.Value.Type} <- {e.Value.Field}"),
            table.Columns.Select(c => $"{c.Name}: {c.Type} <- {c.Field}"));

        var datasets = await Cli("datasets");
        Assert.True(datasets.ExitCode == 0, datasets.Error);

        var run = await Cli("run", dataset, "--run-key", "r1");
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var ledger = JsonNode.Parse((await Cli("runs", dataset, "--json")).Output)!.AsArray().Single()!;
        Assert.Equal(rows, (long)ledger["silver"]!["rowsWritten"]!);
        Assert.Equal(0, (long)ledger["silver"]!["quarantined"]!);
        Assert.Equal(rows, _lake.Count($"silver/{dataset}/{table.Name}/schema_v=1/current"));
        return yaml;
    }

    private Task<(int ExitCode, string Output, string Error)> Cli(params string[] args) =>
        CliRunner.RunAsync([.. args, "--conf", _lake.ConfDirectory]);
}
