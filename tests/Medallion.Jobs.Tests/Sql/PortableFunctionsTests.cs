using Medallion.Jobs.Sql;
using Medallion.Jobs.Tests.Sql.Grammar;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Sql;

/// <summary>
/// Keeps the list of functions both engines have honest (issue 12, item 4): every entry's example
/// binds in DuckDB, uses the entry, and parses as Spark SQL. The Spark grammar knows the syntax of
/// calls, operators and EXTRACT, not which function names Spark 3.5 defines: that half rests on the
/// Spark 3.5 function reference the list was written from (its remarks say what was left out and why).
/// </summary>
public sealed class PortableFunctionsTests : IDisposable
{
    /// <summary>The row every example is written over.</summary>
    private static readonly KeyValuePair<string, string>[] Row =
    [
        KeyValuePair.Create("s", "VARCHAR"),
        KeyValuePair.Create("t", "VARCHAR"),
        KeyValuePair.Create("n", "BIGINT"),
        KeyValuePair.Create("m", "BIGINT"),
        KeyValuePair.Create("x", "DOUBLE"),
        KeyValuePair.Create("d", "DATE"),
        KeyValuePair.Create("ts", "TIMESTAMP"),
    ];

    private readonly SqlFragmentChecker _sut = new();

    public void Dispose() => _sut.Dispose();

    public static TheoryData<string> Names => [.. PortableFunctions.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Example_BindsInDuckDbAndUsesTheEntry(string name)
    {
        var function = PortableFunctions.Find(name)!;

        Assert.Null(_sut.Check(function.Example, SqlFragmentRole.Value, Row));
        var calls = _sut.Calls(function.Example);
        Assert.Contains(calls, c => c.Kind == SqlCallKind.Function && c.Name == name);
        Assert.All(calls, c => Assert.Null(PortableFunctions.Problem(c)));
    }

    [Fact]
    public void EveryExample_ParsesAsSparkSql()
    {
        SparkSqlGrammar.AssertParses(
            [.. PortableFunctions.All.Select(f => (f.Name, $"SELECT {f.Example} AS v FROM t"))]);
    }

    [Fact]
    public void EveryEntry_IsInTheConfigurationDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));

        Assert.All(PortableFunctions.All, f => Assert.Contains($"`{f.Display}`", docs, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("concat(s, t)", "`concat` is not on the list")]
    [InlineData("log(x)", "`log` is not on the list")]
    [InlineData("regexp_replace(s, 'a', 'b')", "`regexp_replace` is not on the list")]
    [InlineData("datediff('day', d, d)", "`datediff` is not on the list")]
    [InlineData("dayofweek(d)", "`dayofweek` is not on the list")]
    [InlineData("n // m", "`//` is not on the list")]
    [InlineData("x ** 2", "`**` is not on the list")]
    [InlineData("n ^ 2", "`^` is not on the list")]
    [InlineData("regexp_extract(s, 'a')", "`regexp_extract` with 2 argument(s) does not mean the same")]
    [InlineData("ltrim(s, 'x')", "`ltrim` with 2 argument(s)")]
    [InlineData("s SIMILAR TO 'a.*'", "is not on the list")]
    public void Problem_FunctionTheEnginesDoNotShare_SaysWhy(string fragment, string expected)
    {
        Assert.Null(_sut.Check(fragment, SqlFragmentRole.Value, Row));

        var problems = _sut.Calls(fragment).Select(PortableFunctions.Problem).OfType<string>().ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Calls_CastAndIndex_AreToldApartFromFunctions()
    {
        var sut = _sut.Calls("CAST(s AS INT) + TRY_CAST(t AS INT) + length(string_split(s, ',')[1])");

        Assert.Equal(
            [(SqlCallKind.Function, "+"), (SqlCallKind.Function, "+"), (SqlCallKind.Cast, "cast"), (SqlCallKind.Function, "length"), (SqlCallKind.Index, "[]"), (SqlCallKind.Function, "string_split")],
            sut.Select(c => (c.Kind, c.Name)));
    }
}
