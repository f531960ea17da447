using DuckDB.NET.Data;
using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Transforms;
using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Tests.Sql;

public sealed class DuckDbDialectTests : IDisposable
{
    private readonly DuckDbDialect _sut = DuckDbDialect.Instance;
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbDialectTests()
    {
        _connection.Open();
        Scalar("SET TimeZone = 'UTC'");
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>")]
    [InlineData("say &quot;hi&quot; &amp; it&#39;s fine", "say \"hi\" & it's fine")]
    [InlineData("a&nbsp;b", "a\u00A0b")]
    [InlineData("Don&#8217;t &#x41;&#X42;", "Don\u2019t AB")]
    [InlineData("&amp;lt; stays once-decoded", "&lt; stays once-decoded")]
    [InlineData("&#; &#abc; & alone &#99999999;", "&#; &#abc; & alone &#99999999;")]
    [InlineData("plain", "plain")]
    // Regression: DuckDB's chr() failed the whole run on a surrogate code point ("Invalid UTF8 Codepoint").
    [InlineData("&#55296; &#xDFFF; &#x1F600;", "&#55296; &#xDFFF; \U0001F600")]
    public void DecodeHtml_Entities_DecodeOnce(string input, string expected)
    {
        Assert.Equal(expected, Scalar($"SELECT {_sut.DecodeHtml(_sut.StringLiteral(input))}"));
    }

    [Fact]
    public void DecodeHtml_Null_StaysNull()
    {
        Assert.Null(Scalar($"SELECT {_sut.DecodeHtml("CAST(NULL AS VARCHAR)")}"));
    }

    [Theory]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("plain", "\"plain\"")]
    public void Identifier_Quotes_DoubleEmbeddedQuotes(string name, string expected)
    {
        Assert.Equal(expected, _sut.Identifier(name));
    }

    [Fact]
    public void StringLiteral_HostileValue_StaysOneLiteral()
    {
        const string Hostile = "x'); DROP TABLE t; --";

        Assert.Equal(Hostile, Scalar($"SELECT {_sut.StringLiteral(Hostile)}"));
    }

    [Theory]
    [InlineData("12.345", "decimal(18,2)", "12.35")]
    [InlineData("12,34.5x", "decimal(18,2)", null)]
    [InlineData("2024-03-01T10:00:00Z", "timestamp", "2024-03-01 10:00:00+00")]
    [InlineData("notatime", "timestamp", null)]
    [InlineData("42", "int", "42")]
    [InlineData("true", "boolean", "true")]
    public void TryCast_BadValue_GivesNullNotAnError(string value, string type, string? expected)
    {
        var cast = _sut.TryCast(_sut.StringLiteral(value), ColumnType.TryParse(type)!);

        Assert.Equal(expected, Scalar($"SELECT CAST({cast} AS VARCHAR)"));
    }

    [Fact]
    public void DatePart_Timestamp_UsesUtc()
    {
        var part = _sut.DatePart("TIMESTAMPTZ '2024-01-31 23:30:00-02'", DatePart.Month);

        Assert.Equal("2", Scalar($"SELECT CAST({part} AS VARCHAR)"));
    }

    private string? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
