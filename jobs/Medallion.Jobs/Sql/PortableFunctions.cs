namespace Medallion.Jobs.Sql;

/// <summary>
/// The functions and operators a user SQL fragment (<c>derive</c>, <c>filter</c>, an <c>expression</c>
/// rule) may use when a table can run on Spark: each exists in DuckDB 1.5 and in Spark 3.5 (every EMR
/// 7.x release) under the same name, takes its arguments in the same order and means the same there.
/// Names DuckDB's parser rewrites are listed as it writes them: <c>LIKE</c> is <c>~~</c>, <c>EXTRACT</c>
/// is <c>date_part</c>; <c>coalesce</c>, <c>ifnull</c>, <c>if</c>, <c>CASE</c>, comparisons, <c>AND</c>/<c>OR</c>/<c>NOT</c>,
/// <c>IN</c>, <c>BETWEEN</c>, <c>IS NULL</c> and <c>TRY_CAST</c> are no function calls there and need no entry.
/// </summary>
/// <remarks>
/// Left out on purpose, because the two engines disagree: <c>concat</c> (DuckDB skips nulls, Spark
/// returns null; <c>||</c> and <c>concat_ws</c> agree), <c>log</c> (base 10 in DuckDB, e in Spark; use
/// <c>ln</c>/<c>log10</c>), <c>regexp_replace</c> (DuckDB replaces the first match, Spark all),
/// <c>datediff</c>/<c>date_add</c> (other arguments), <c>dayofweek</c> (0 or 1 for Sunday), <c>x[i]</c>
/// (counted from 1 or from 0), <c>^</c> (power or exclusive or), <c>//</c> and <c>**</c> (DuckDB only),
/// <c>strptime</c>/<c>strftime</c> (DuckDB only: use <c>cast</c> with <c>format:</c>). <c>PortableFunctionsTests</c>
/// binds every example in DuckDB and parses it with the Spark SQL grammar.
/// </remarks>
internal static class PortableFunctions
{
    /// <summary>Every entry, in the order docs/configuration.md lists them.</summary>
    public static IReadOnlyList<PortableFunction> All { get; } =
    [
        // Operators, as DuckDB's parse tree names them.
        new("+", "n + m"),
        new("-", "n - m"),
        new("*", "n * m"),
        new("/", "x / n"),
        new("%", "n % m"),
        new("||", "s || t"),
        new("~~", "s LIKE 'a%'", "LIKE"),
        new("!~~", "s NOT LIKE 'a%'", "NOT LIKE"),
        new("~~*", "s ILIKE 'a%'", "ILIKE"),
        new("!~~*", "s NOT ILIKE 'a%'", "NOT ILIKE"),

        // Text.
        new("upper", "upper(s)"),
        new("lower", "lower(s)"),
        new("length", "length(s)"),
        new("trim", "trim(s)", MaxArguments: 1, Note: "one argument: with two, DuckDB and Spark read them in opposite order"),
        new("ltrim", "ltrim(s)", MaxArguments: 1, Note: "one argument: with two, DuckDB and Spark read them in opposite order"),
        new("rtrim", "rtrim(s)", MaxArguments: 1, Note: "one argument: with two, DuckDB and Spark read them in opposite order"),
        new("substr", "substr(s, 2, 3)"),
        new("substring", "substring(s, 2, 3)"),
        new("left", "left(s, 2)"),
        new("right", "right(s, 2)"),
        new("replace", "replace(s, 'a', 'b')"),
        new("concat_ws", "concat_ws('-', s, t)"),
        new("lpad", "lpad(s, 5, '0')"),
        new("rpad", "rpad(s, 5, '0')"),
        new("reverse", "reverse(s)"),
        new("instr", "instr(s, 'a')"),
        new("contains", "contains(s, 'a')"),
        new("split_part", "split_part(s, ',', 2)"),
        new("repeat", "repeat(s, 2)"),
        new("ascii", "ascii(s)"),
        new("translate", "translate(s, 'ab', 'xy')"),
        new("md5", "md5(s)"),
        new("regexp_extract", "regexp_extract(s, '([0-9]+)', 1)", MinArguments: 3, MaxArguments: 3,
            Note: "three arguments (the group defaults to 0 in DuckDB, 1 in Spark); write patterns both RE2 and Java read"),

        // Numbers.
        new("abs", "abs(n)"),
        new("round", "round(x, 2)"),
        new("ceil", "ceil(x)"),
        new("ceiling", "ceiling(x)"),
        new("floor", "floor(x)"),
        new("sqrt", "sqrt(x)"),
        new("exp", "exp(x)"),
        new("ln", "ln(x)"),
        new("log10", "log10(x)"),
        new("log2", "log2(x)"),
        new("power", "power(x, 2)"),
        new("pow", "pow(x, 2)"),
        new("mod", "mod(n, m)"),
        new("greatest", "greatest(n, m)"),
        new("least", "least(n, m)"),
        new("nullif", "nullif(s, '')"),

        // Dates and timestamps.
        new("year", "year(d)"),
        new("quarter", "quarter(d)"),
        new("month", "month(d)"),
        new("day", "day(d)"),
        new("dayofmonth", "dayofmonth(d)"),
        new("dayofyear", "dayofyear(d)"),
        new("weekofyear", "weekofyear(d)"),
        new("hour", "hour(ts)"),
        new("minute", "minute(ts)"),
        new("second", "second(ts)"),
        new("date_part", "EXTRACT(year FROM d)", Note: "and EXTRACT; year, quarter, month, day, hour and minute mean the same in both"),
        new("date_trunc", "date_trunc('month', ts)"),
        new("last_day", "last_day(d)"),
        new("make_date", "make_date(2024, 1, 31)"),
    ];

    private static readonly Dictionary<string, PortableFunction> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The entry for a name as DuckDB's parse tree writes it (lower case), or null.</summary>
    public static PortableFunction? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// Why <paramref name="call"/> would not run the same on Spark, or null when it would: a call to a
    /// function not on the list, or with an argument count the list does not allow.
    /// </summary>
    public static string? Problem(SqlCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        switch (call.Kind)
        {
            case SqlCallKind.Index:
                return "`[ ]` counts from 1 in DuckDB and from 0 in Spark, so it is not portable; use split_part or substr";
            case SqlCallKind.Cast:
                return null; // refused on every engine, with its own message (ConfigReader.SqlFragment)
            case SqlCallKind.Function:
                if (Find(call.Name) is not { } function)
                {
                    return $"`{call.Name}` is not on the list of functions DuckDB and Spark both have (docs/configuration.md, SQL fragments)";
                }

                return call.Arguments < (function.MinArguments ?? 0) || call.Arguments > (function.MaxArguments ?? int.MaxValue)
                    ? $"`{function.Display}` with {call.Arguments} argument(s) does not mean the same in DuckDB and Spark: {function.Note}"
                    : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(call), call.Kind, "Unknown call kind.");
        }
    }
}
