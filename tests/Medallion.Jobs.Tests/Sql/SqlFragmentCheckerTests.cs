using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Tests.Sql;

/// <summary>
/// Regression (issue 16, Why 2): YAML SQL fragments were unrestricted SQL; a `derive` copied
/// /etc/passwd into silver and a `filter` wrote a file outside the lake. A fragment is now one
/// expression, as DuckDB's own parser sees it, and binds against the columns of its step (issue 12).
/// </summary>
public sealed class SqlFragmentCheckerTests : IDisposable
{
    private static readonly KeyValuePair<string, string>[] Columns =
    [
        KeyValuePair.Create("gross", "BIGINT"),
        KeyValuePair.Create("status", "VARCHAR"),
        KeyValuePair.Create("tags", "VARCHAR[]"),
    ];

    private readonly SqlFragmentChecker _sut = new();

    public void Dispose() => _sut.Dispose();

    public static TheoryData<string, string> Hostile => new()
    {
        { "(SELECT string_agg(column0, '|') FROM read_csv('/etc/passwd', header = false))", "table function `read_csv`" },
        { "gross > 0) FROM t; COPY (SELECT 'x') TO '/tmp/medallion-pwned.csv'; SELECT (1", "several statements" },
        { "1; ATTACH '/tmp/x.db' AS x", "DuckDB cannot parse it: syntax error at or near \";\"" },
        { "1; INSTALL httpfs", "DuckDB cannot parse it: syntax error at or near \";\"" },
        { "gross IN (SELECT 1)", "subquery" },
        { "EXISTS (SELECT * FROM glob('/etc/*'))", "table function `glob`" },
        { "(SELECT content FROM read_text('/etc/hostname'))", "table function `read_text`" },
        { "(FROM read_parquet('/lake/other/*.parquet') SELECT count(*))", "table function `read_parquet`" },
        { "(SELECT count(*) FROM duckdb_settings())", "subquery" },
        { "1) AS x FROM read_csv('/etc/passwd') --", "adds SQL around it" },
        { "1) UNION ALL SELECT (2", "adds SQL around it" },
        { "gross) AS a, (status", "adds SQL around it" },
        { "1) AS x FROM __row WHERE true --", "adds SQL around it" },
        { "COLUMNS(*)", "`*`" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void CheckShape_NotOneExpression_IsRefused(string fragment, string expected)
    {
        var problem = _sut.CheckShape(fragment);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gross * 100")]
    [InlineData("lower(status) LIKE 'pub%' AND gross BETWEEN 1 AND 10")]
    [InlineData("CASE WHEN gross > 0 THEN 'credit' ELSE 'debit' END")]
    [InlineData("list_transform(tags, t -> upper(t))")]
    [InlineData("'it''s; not a statement -- nor a comment'")]
    [InlineData("row_number() OVER (PARTITION BY status ORDER BY gross)")]
    public void Check_OneExpressionOverTheColumns_Passes(string fragment)
    {
        Assert.Null(_sut.Check(fragment, SqlFragmentRole.Value, Columns));
    }

    [Fact]
    public void CheckShape_SyntaxError_GivesDuckDbsMessageAndTheOffsetInTheFragment()
    {
        var problem = _sut.CheckShape("gross > > 2");

        Assert.NotNull(problem);
        Assert.Contains("DuckDB cannot parse it: syntax error at or near \">\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(8, problem.Offset);
    }

    [Fact]
    public void CheckShape_Empty_SaysSo()
    {
        Assert.Contains("it is empty", _sut.CheckShape("  ")!.Message, StringComparison.Ordinal);
    }

    // Regression (issue 12): `gross +* 2` parses (DuckDB allows user operators) and failed only mid-run.
    [Theory]
    [InlineData("gross +* 2", "+*")]
    [InlineData("grosss + 1", "grosss")]
    [InlineData("status + 1", "No function matches")]
    [InlineData("sum(gross)", "GROUP BY")]
    public void Check_DoesNotBindAtItsStep_GivesDuckDbsMessage(string fragment, string expected)
    {
        var problem = _sut.Check(fragment, SqlFragmentRole.Value, Columns);

        Assert.NotNull(problem);
        Assert.StartsWith("DuckDB: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LINE 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConditionThatIsNotTrueOrFalse_IsRefused()
    {
        var problem = _sut.Check("gross + 1", SqlFragmentRole.Condition, Columns);

        Assert.Equal("it must be a condition (true or false), but DuckDB types it BIGINT", problem?.Message);
        Assert.Null(_sut.Check("gross > 1", SqlFragmentRole.Condition, Columns));
    }
}
