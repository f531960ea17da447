using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Casting;
using Medallion.Jobs.Engine.DuckDb;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>Issue 17 item 3: which Parquet types a declared column takes as they are, widens, checks, or reads as text.</summary>
public sealed class ParquetColumnTests
{
    [Theory]
    [InlineData("BIGINT", "long", nameof(ParquetConversion.Same))]
    [InlineData("DOUBLE", "double", nameof(ParquetConversion.Same))]
    [InlineData("DECIMAL(38,12)", "decimal(38,12)", nameof(ParquetConversion.Same))]
    [InlineData("TIMESTAMP WITH TIME ZONE", "timestamp", nameof(ParquetConversion.Same))]
    [InlineData("VARCHAR", "string", nameof(ParquetConversion.Same))]
    [InlineData("BOOLEAN", "boolean", nameof(ParquetConversion.Same))]
    [InlineData("DATE", "date", nameof(ParquetConversion.Same))]
    [InlineData("INTEGER", "long", nameof(ParquetConversion.Widened))]
    [InlineData("SMALLINT", "int", nameof(ParquetConversion.Widened))]
    [InlineData("UINTEGER", "long", nameof(ParquetConversion.Widened))]
    [InlineData("FLOAT", "double", nameof(ParquetConversion.Widened))]
    [InlineData("INTEGER", "double", nameof(ParquetConversion.Widened))]
    [InlineData("DECIMAL(10,2)", "decimal(18,2)", nameof(ParquetConversion.Widened))]
    [InlineData("DECIMAL(10,2)", "decimal(18,4)", nameof(ParquetConversion.Widened))]
    [InlineData("INTEGER", "decimal(18,2)", nameof(ParquetConversion.Widened))]
    [InlineData("TIMESTAMP", "timestamp", nameof(ParquetConversion.Widened))]
    [InlineData("DATE", "timestamp", nameof(ParquetConversion.Widened))]
    [InlineData("UINTEGER", "int", nameof(ParquetConversion.Checked))]
    [InlineData("BIGINT", "int", nameof(ParquetConversion.Checked))]
    [InlineData("BIGINT", "double", nameof(ParquetConversion.Checked))]
    [InlineData("DOUBLE", "long", nameof(ParquetConversion.Checked))]
    [InlineData("DOUBLE", "decimal(18,2)", nameof(ParquetConversion.Checked))]
    [InlineData("DECIMAL(18,4)", "decimal(18,2)", nameof(ParquetConversion.Checked))]
    [InlineData("DECIMAL(18,2)", "decimal(10,2)", nameof(ParquetConversion.Checked))]
    [InlineData("DECIMAL(18,2)", "double", nameof(ParquetConversion.Checked))]
    [InlineData("BIGINT", "decimal(18,2)", nameof(ParquetConversion.Checked))]
    [InlineData("TIMESTAMP_NS", "timestamp", nameof(ParquetConversion.Checked))]
    [InlineData("VARCHAR", "int", nameof(ParquetConversion.Text))]
    [InlineData("VARCHAR", "timestamp", nameof(ParquetConversion.Text))]
    [InlineData("BIGINT", "string", nameof(ParquetConversion.Text))]
    [InlineData("INTEGER", "boolean", nameof(ParquetConversion.Text))]
    [InlineData("TIMESTAMP WITH TIME ZONE", "date", nameof(ParquetConversion.Text))]
    public void Conversion_FileAndDeclaredType_IsTheDocumentedOne(string fileType, string declared, string expected)
    {
        var sut = new ParquetColumn(Column(declared), 0, fileType);

        Assert.Equal(Enum.Parse<ParquetConversion>(expected), sut.Conversion);
    }

    [Fact]
    public void Conversion_DecimalThatWouldRoundWithRoundingDeclared_ReadsTheTextByThatRule()
    {
        var sut = new ParquetColumn(Column("decimal(18,2)") with { Cast = CastOptions.Default with { Rounding = DecimalRounding.HalfEven } }, 0, "DOUBLE");

        Assert.Equal(ParquetConversion.Text, sut.Conversion);
        Assert.Equal("CAST(\"amount\" AS VARCHAR) AS __f_0", sut.Select("\"amount\""));
    }

    [Fact]
    public void Failure_SameOrWidened_IsNull()
    {
        Assert.Null(new ParquetColumn(Column("long"), 0, "BIGINT").Failure);
        Assert.Null(new ParquetColumn(Column("long"), 0, "INTEGER").Failure);
        Assert.Equal("__f_0", new ParquetColumn(Column("long"), 0, "BIGINT").Value);
    }

    private static ColumnSpec Column(string type) => new("amount", ColumnType.TryParse(type)!, "amount", new SourceLocation("t.yaml", 1, 1));
}
