using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using Medallion.Jobs.Tests.Engine;
using Medallion.Jobs.Tests.Sql;
using Medallion.Jobs.Tests.Sql.Grammar;
using Medallion.Testing;

namespace Medallion.Jobs.Tests.Casting;

/// <summary>
/// Issue 12 (strict, engine-equal casts) and issue 16 (silently altered values): every case of
/// <c>cast-cases.tsv</c> runs through the embedded engine, by <c>cast</c> and by bronze typing, and
/// lands where docs/types.md says; the Spark SQL of the same table is read back and makes the same
/// decisions.
/// </summary>
public sealed partial class TextCastCaseTests : IDisposable
{
    private readonly TestLake _lake = new();
    private readonly CastCaseTable _table = new(CastCase.Load());

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Load_Table_HoldsAtLeastFortyCasesPerType()
    {
        var perType = _table.Cases.GroupBy(c => TypeOf(c.Spec)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["boolean", "date", "decimal", "double", "int", "long", "timestamp"], perType.Keys.Order());
        Assert.All(perType, p => Assert.True(p.Value >= 40, $"{p.Key} has {p.Value} cases"));
    }

    [Fact]
    public async Task RunSilver_CastTransform_EachValueLandsWhereTheTableSays()
    {
        var silver = await DuckDbTableRun.RunAsync(_lake, _table.CastYaml, "casts/cases.json", _table.Records);
        Assert.True(silver.Reconciles);

        var columns = string.Join(", ", _table.Specs.Select((_, i) => $"CAST(c{i} AS VARCHAR)"));
        var values = _lake.Query(DuckDbTableRun.SilverRun("casts", "cases"), $"SELECT id, {columns} FROM t")
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => r[1..]);
        var quarantined = _lake.Query(new LakeLayout("casts", "cases", "v1").Quarantine, "SELECT id, CAST(_rule_failures AS VARCHAR) FROM t")
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => r[1]);

        var wrong = _table.Cases.Where(c => c.Fails
                ? !(quarantined.TryGetValue(c.Id, out var rules) && rules == $"[cast_{_table.Column(c)}]") || values.ContainsKey(c.Id)
                : !(values.TryGetValue(c.Id, out var row) && row[_table.Specs.IndexOf(c.Spec)] == c.Expected))
            .Select(c => $"{c}: silver {(values.TryGetValue(c.Id, out var row) ? row[_table.Specs.IndexOf(c.Spec)] : "-")}, quarantine {quarantined.GetValueOrDefault(c.Id, "-")}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {_table.Cases.Count} cases landed elsewhere:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task RunBronze_TypedColumns_EachValueLandsWhereTheTableSays()
    {
        await DuckDbTableRun.RunAsync(_lake, _table.BronzeYaml, "casts/cases.json", _table.Records);

        var columns = string.Join(", ", _table.Specs.Select((_, i) => $"CAST(c{i} AS VARCHAR)"));
        var rows = _lake.Query(new LakeLayout("casts", "cases", "v1").Bronze, $"SELECT id, _malformed, {columns} FROM t")
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => r[1..]);

        var wrong = _table.Cases.Where(c => c.Fails
                ? !rows[c.Id][0].StartsWith($"column `{_table.Column(c)}` does not cast to ", StringComparison.Ordinal)
                : rows[c.Id][0] != "NULL" || rows[c.Id][1 + _table.Specs.IndexOf(c.Spec)] != c.Expected)
            .Select(c => $"{c}: bronze {rows[c.Id][1 + _table.Specs.IndexOf(c.Spec)]}, malformed {rows[c.Id][0]}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {_table.Cases.Count} cases landed elsewhere:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void SparkSql_CastTransform_ParsesAndDecidesEveryCaseAsTheTableSays()
    {
        var plan = Plan(_table.CastYaml);
        SparkSqlGrammar.AssertParses(SparkSqlGrammarTests.Statements(plan));

        AssertSparkDecides(new SilverSqlRenderer(SparkDialect.Instance).Render(plan, "bronze_input").Sql,
            new SilverSqlRenderer(DuckDbDialect.Instance).Render(plan, "bronze_input").Sql);
    }

    [Fact]
    public void SparkSql_TypedBronzeColumns_ParsesAndDecidesEveryCaseAsTheTableSays()
    {
        var plan = Plan(_table.BronzeYaml);
        SparkSqlGrammar.AssertParses(SparkSqlGrammarTests.Statements(plan));

        AssertSparkDecides(Jobs.Engine.Spark.SparkBronzeSql.CreateRowsView(plan.Table, new Jobs.Engine.RunContext("k1", DateTimeOffset.UnixEpoch), "s3://raw"),
            Jobs.Engine.DuckDb.BronzeRowsView.Create(plan.Table, Jobs.Engine.DuckDb.RunValues.Placeholders, "/raw"));
    }

    /// <summary>
    /// Reads the decisions out of the Spark SQL: for each column, the regular expressions its
    /// values must match (<c>x RLIKE '^…'</c>), evaluated here as Java would (find, with the
    /// constructs both engines share), and for booleans the word lists. A case the table says
    /// fails must be refused by them, or (for range and calendar failures) reach a conversion that
    /// yields null rather than an error; every other case must pass them. The DuckDB rendering
    /// of the same table must check the very same expressions.
    /// </summary>
    private void AssertSparkDecides(string sparkSql, string duckDbSql)
    {
        var spark = Gates(SparkGate(), sparkSql, UnescapeSpark);
        var duckDb = Gates(DuckDbGate(), duckDbSql, s => s.Replace("''", "'", StringComparison.Ordinal));
        Assert.Equal(spark.OrderBy(g => g.Key).Select(g => (g.Key, string.Join(" | ", g.Value))), duckDb.OrderBy(g => g.Key).Select(g => (g.Key, string.Join(" | ", g.Value))));

        var words = BooleanWords().Matches(sparkSql).GroupBy(m => ColumnOf(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => g.GroupBy(m => m.Groups[3].Value == "true").ToDictionary(w => w.Key, w => Words(w.First().Groups[2].Value)));

        var wrong = new List<string>();
        foreach (var @case in _table.Cases)
        {
            var column = _table.Column(@case);
            bool passes;
            if (words.TryGetValue(column, out var lists))
            {
                var word = @case.Input.Trim(' ').ToLowerInvariant();
                passes = lists[true].Contains(word) || lists[false].Contains(word);
                if (passes && @case.Expected != (lists[true].Contains(word) ? "true" : "false"))
                {
                    wrong.Add($"{@case}: Spark reads it as the other boolean");
                }
            }
            else
            {
                Assert.True(spark.ContainsKey(column), $"no RLIKE check for {column} ({@case.Spec}) in the Spark SQL");
                passes = spark[column].Any(p => Regex.IsMatch(@case.Input, p, RegexOptions.CultureInvariant));
            }

            if (passes != (@case.Expected != CastCase.Fail))
            {
                wrong.Add($"{@case}: Spark's checks {(passes ? "accept" : "refuse")} it");
            }
        }

        // What the checks let through is converted by functions that give null, never an error.
        foreach (var type in new[] { "INT", "BIGINT", "DECIMAL(18,2)", "DECIMAL(10,0)", "DOUBLE", "DATE", "TIMESTAMP" })
        {
            Assert.Matches(@"try_cast\((`c\d+`|__f_\d+|replace\((`c\d+`|__f_\d+), ',', ''\)) AS " + Regex.Escape(type) + @"\)", sparkSql);
        }

        Assert.Contains("try_to_timestamp(trim(", sparkSql, StringComparison.Ordinal);
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {_table.Cases.Count} cases are decided differently by the Spark SQL:\n" + string.Join("\n", wrong));
    }

    private static Dictionary<string, List<string>> Gates(Regex gate, string sql, Func<string, string> unescape) =>
        gate.Matches(sql).Where(m => m.Groups[2].Value.StartsWith('^'))
            .GroupBy(m => ColumnOf(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => g.Select(m => unescape(m.Groups[2].Value)).Distinct().ToList());

    /// <summary>The data column of a silver column (<c>c3</c>) or a bronze raw field (<c>__f_4</c>: <c>id</c> is field 0).</summary>
    private static string ColumnOf(string name) => name.StartsWith("__f_", StringComparison.Ordinal)
        ? "c" + (int.Parse(name["__f_".Length..], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture)
        : name;

    private static HashSet<string> Words(string list) =>
        [.. WordLiteral().Matches(list).Select(m => UnescapeSpark(m.Groups[1].Value))];

    /// <summary>A Spark string literal's body as the value it stands for (backslash escapes on).</summary>
    private static string UnescapeSpark(string body)
    {
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                text.Append(body[i]);
                continue;
            }

            var next = body[++i];
            text.Append(next switch
            {
                'n' => "\n",
                't' => "\t",
                'r' => "\r",
                'u' => ((char)int.Parse(body.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => next.ToString(),
            });
            if (next == 'u')
            {
                i += 4;
            }
        }

        return text.ToString();
    }

    private static string TypeOf(string spec) => Regex.Match(spec, "[a-z]+(?=\\(|\\s*(,|}|$))").Value is var t && spec.StartsWith('{')
        ? Regex.Match(spec, @"type: ""?([a-z]+)").Groups[1].Value
        : t;

    private TablePlan Plan(string yaml)
    {
        var dataset = ConfigLoader.LoadDataset(_lake.WriteDataset("casts", yaml));
        return PlanCompiler.Compile(dataset, dataset.Tables.Single());
    }

    // (`c3` RLIKE '^…'): the checks of a column's own text (a rounding tie is checked on the text without separators).
    [GeneratedRegex(@"\(`?(c\d+|__f_\d+)`? RLIKE '((?:[^'\\]|\\.)*)'\)")]
    private static partial Regex SparkGate();

    [GeneratedRegex(@"regexp_matches\(""?(c\d+|__f_\d+)""?, '((?:[^']|'')*)'\)")]
    private static partial Regex DuckDbGate();

    [GeneratedRegex(@"lower\(trim\(`?(c\d+|__f_\d+)`?\)\) IN \(([^)]*)\) THEN (true|false)")]
    private static partial Regex BooleanWords();

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'")]
    private static partial Regex WordLiteral();
}
