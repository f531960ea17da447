using Medallion.Jobs.Config;
using Medallion.Jobs.Engine.Spark;

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

    internal static TableSpec Table(SourceFormat format, params string[] fields)
    {
        var location = new SourceLocation("t.yaml", 1, 1);
        var columns = fields.Select(f => new ColumnSpec(f.Replace('.', '_'), ColumnType.String, f, location)).ToList();
        return new TableSpec("t", "v1", new SourceSpec("shop/*", format, CsvOptions.Default, location),
            columns, [], [], [], [], ValidationSpec.Default, PromotionMode.ReplaceAll, location);
    }
}
