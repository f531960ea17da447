using Medallion.Jobs.Config;
using Medallion.Jobs.Engine;
using Medallion.Jobs.Engine.Spark;
using Medallion.Jobs.Tests.Sql.Grammar;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Engine.Spark;

public sealed class SparkRawReadTests
{
    [Fact]
    public void For_CsvSource_ReadsQuotedLineBreaksInsideTheRecord()
    {
        var sut = Assert.Single(SparkRawRead.For(Table(SourceFormat.Csv, "id", "note"), ["s3://raw/shop/a.csv"]));

        // Without multiLine, a quoted note holding a line break became two broken records.
        Assert.Equal(("csv", "true"), (sut.Format, sut.Options["multiLine"]));
        Assert.Equal("PERMISSIVE", sut.Options["mode"]);
        Assert.Equal("`id` STRING, `note` STRING, `__corrupt` STRING", sut.Schema);
    }

    [Fact]
    public void For_ParquetSource_MergesTheSchemasOfItsFiles()
    {
        var sut = Assert.Single(SparkRawRead.For(Table(SourceFormat.Parquet, "id", "added_later"), ["s3://raw/shop/a.parquet", "s3://raw/shop/b.parquet"]));

        // Without mergeSchema Spark took one file's footer as the schema: a column only later files have was unknown to the read.
        Assert.Equal(("parquet", "true"), (sut.Format, sut.Options["mergeSchema"]));
        Assert.Null(sut.Schema);
    }

    [Fact]
    public void For_JsonDocuments_ReadsEachFileWholeAsTextToBeShaped()
    {
        var sut = Assert.Single(SparkRawRead.For(Table(SourceFormat.Json, "id"), ["s3://raw/shop/a.json", "s3://raw/shop/b.json"]));

        // Regression: with the JSON reader's multiLine, one element that is not an object made every
        // record of the file corrupt, each with the whole file as its text.
        Assert.Equal(("text", (string?)null, true), (sut.Format, sut.Schema, sut.IsShaped));
        Assert.Equal(new Dictionary<string, string> { ["wholetext"] = "true" }, sut.Options);
        Assert.Equal(["s3://raw/shop/a.json", "s3://raw/shop/b.json"], sut.Paths);
    }

    [Fact]
    public void For_JsonLinesAndDocuments_ReadsLinesWithTheJsonReaderAndDocumentsAsText()
    {
        var sut = SparkRawRead.For(Table(SourceFormat.Json, "id"), ["s3://raw/a.json", "s3://raw/b.ndjson", "s3://raw/c.JSONL"]);

        Assert.Equal(["json", "text"], sut.Select(r => r.Format));
        Assert.Equal(["s3://raw/b.ndjson", "s3://raw/c.JSONL"], sut[0].Paths);
        Assert.Equal(("false", false), (sut[0].Options["multiLine"], sut[0].IsShaped));
        Assert.Equal(["s3://raw/a.json"], sut[1].Paths);
    }

    [Theory]
    [InlineData(SourceFormat.Csv, "a.csv")]
    [InlineData(SourceFormat.Json, "a.ndjson")]
    [InlineData(SourceFormat.Parquet, "a.parquet")]
    public void ShapeQuery_ReadInTheReaderSchema_Throws(SourceFormat format, string file)
    {
        var sut = Assert.Single(SparkRawRead.For(Table(format, "id"), [file]));

        Assert.False(sut.IsShaped);
        var error = Assert.Throws<InvalidOperationException>(sut.ShapeQuery);
        Assert.Contains($"read of {file} needs no shaping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeQuery_JsonDocuments_ParsesElementsWithTheSchemaOfTheLineRead()
    {
        var reads = SparkRawRead.For(Table(SourceFormat.Json, "id", "title.rendered"), ["a.jsonl", "b.json"]);

        var sut = reads[1].ShapeQuery();

        // The host unions the reads by position: the shaped rows must have the line read's columns.
        Assert.Equal("`id` STRING, `title` STRUCT<`rendered`: STRING>, `__corrupt` STRING", reads[0].Schema);
        Assert.Contains($"from_json(__object, '{reads[0].Schema}', map('columnNameOfCorruptRecord', '__corrupt'))", sut, StringComparison.Ordinal);
        Assert.EndsWith(
            "SELECT __parsed.`id`, __parsed.`title`,\n  CASE WHEN __object IS NULL THEN coalesce(__element, 'null') ELSE __parsed.`__corrupt` END AS `__corrupt`\nFROM parsed",
            sut, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeQuery_JsonDocuments_SplitsValidDocumentsIntoElementsAndKeepsInvalidOnesWhole()
    {
        var sut = Assert.Single(SparkRawRead.For(Table(SourceFormat.Json, "id"), ["a.json"])).ShapeQuery();

        Assert.StartsWith(
            """
            WITH documents AS (
              SELECT value, trim(BOTH '\uFEFF \t\r\n' FROM value) AS __document
              FROM raw_loaded
            ),
            checked AS (
              SELECT value, __document, coalesce(json_array_length(concat('[', __document, ',0]')) = 2, false) AS __valid
              FROM documents WHERE __document <> ''
            ),
            elements AS (
              SELECT explode(CASE WHEN NOT __valid THEN array(value) WHEN startswith(__document, '[') THEN coalesce(from_json(__document, 'ARRAY<STRING>'), array(value)) ELSE array(__document) END) AS __element, __valid
              FROM checked
            ),
            objects AS (
              SELECT __element, CASE WHEN __valid AND startswith(__element, '{') THEN __element END AS __object
              FROM elements
            ),
            """.ReplaceLineEndings("\n"),
            sut, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeQueryAndRowsView_SampleAndEdgeTables_ParseAsSparkSql()
    {
        var samples = ConfigLoader.Load(RepositoryPaths.Conf).Datasets.SelectMany(d => d.Tables).Where(t => t.Source.Format == SourceFormat.Json).ToList();
        var edge = Table(SourceFormat.Json, "id", "title.rendered", "it's", "back`tick.x");
        var run = new RunContext("run-key", DateTimeOffset.UnixEpoch, Engine: "spark");

        var statements = samples.Append(edge).SelectMany(t => new[]
        {
            ($"{t.Name} shape", Assert.Single(SparkRawRead.For(t, ["s3://raw/" + t.Source.Path])).ShapeQuery()),
            ($"{t.Name} rows view", SparkBronzeSql.CreateRowsView(t, run, "s3://raw")),
        }).ToList();

        Assert.NotEmpty(samples);
        SparkSqlGrammar.AssertParses(statements);
    }

    internal static TableSpec Table(SourceFormat format, params string[] fields)
    {
        var location = new SourceLocation("t.yaml", 1, 1);
        var columns = fields.Select(f => new ColumnSpec(f.Replace('.', '_'), ColumnType.String, f, location)).ToList();
        return new TableSpec("t", "v1", new SourceSpec("shop/*", format, CsvOptions.Default, location),
            columns, [], [], [], [], ValidationSpec.Default, PromotionMode.ReplaceAll, location);
    }
}
