using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Tests.Sql;

public sealed class SparkDialectTests
{
    private readonly SparkDialect _sut = SparkDialect.Instance;

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"C:\temp", @"'C:\\temp'")]
    [InlineData("x'); DROP TABLE t; --", @"'x\'); DROP TABLE t; --'")]
    [InlineData("two\nlines\ttab", @"'two\nlines\ttab'")]
    [InlineData("bell\u0007", @"'bell\u0007'")]
    public void StringLiteral_SpecialCharacters_AreBackslashEscaped(string value, string expected)
    {
        Assert.Equal(expected, _sut.StringLiteral(value));
    }

    [Theory]
    [InlineData("a`b", "`a``b`")]
    [InlineData("plain", "`plain`")]
    public void Identifier_Quotes_DoubleEmbeddedBackticks(string name, string expected)
    {
        Assert.Equal(expected, _sut.Identifier(name));
    }

    [Theory]
    [InlineData("string", "CAST(x AS STRING)")]
    [InlineData("int", "try_cast(x AS INT)")]
    [InlineData("long", "try_cast(x AS BIGINT)")]
    [InlineData("decimal(18,2)", "try_cast(x AS DECIMAL(18,2))")]
    [InlineData("timestamp", "try_cast(x AS TIMESTAMP)")]
    [InlineData("date", "try_cast(x AS DATE)")]
    [InlineData("boolean", "try_cast(x AS BOOLEAN)")]
    [InlineData("double", "try_cast(x AS DOUBLE)")]
    public void TryCast_EveryType_UsesSparkTypeNames(string type, string expected)
    {
        Assert.Equal(expected, _sut.TryCast("x", ColumnType.TryParse(type)!));
    }

    [Theory]
    [InlineData(DatePart.Year, "year(d)")]
    [InlineData(DatePart.Month, "month(d)")]
    [InlineData(DatePart.Day, "dayofmonth(d)")]
    public void DatePart_EachPart_UsesItsFunction(DatePart part, string expected)
    {
        Assert.Equal(expected, _sut.DatePart("d", part));
    }

    [Fact]
    public void CompactStringArray_NoElements_IsATypedEmptyArray()
    {
        Assert.Equal("CAST(array() AS ARRAY<STRING>)", _sut.CompactStringArray([]));
        Assert.Equal("filter(array(a, b), __rule -> __rule IS NOT NULL)", _sut.CompactStringArray(["a", "b"]));
    }

    [Fact]
    public void Literals_RunStart_AreUtc()
    {
        var at = new DateTimeOffset(2024, 3, 1, 23, 30, 0, TimeSpan.FromHours(-2));

        Assert.Equal("TIMESTAMP '2024-03-02 01:30:00.000000Z'", _sut.TimestampLiteral(at));
        Assert.Equal("DATE '2024-03-02'", _sut.DateLiteral(DateOnly.FromDateTime(at.UtcDateTime)));
    }

    [Fact]
    public void DecodeHtml_Rendering_DecodesCodePointsAsUtf32AndAmpersandLast()
    {
        var sql = _sut.DecodeHtml("t");

        Assert.Contains("decode(unhex(lpad(", sql, StringComparison.Ordinal);
        Assert.Contains("'UTF-32')", sql, StringComparison.Ordinal);
        Assert.Contains("(piece, i) -> CASE WHEN i = 0 THEN piece", sql, StringComparison.Ordinal);
        Assert.StartsWith("replace(array_join(transform(split(", sql, StringComparison.Ordinal);
        Assert.EndsWith(", '&amp;', '&')", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("chr(", sql, StringComparison.Ordinal);
    }
}
