using System.Globalization;
using System.Text.Json;

namespace Medallion.Jobs.Sql;

/// <summary>
/// Reads DuckDB's parse tree of <c>SELECT (fragment) AS __fragment FROM __row</c> (as
/// <c>json_serialize_sql</c> writes it) and says whether the fragment stayed one expression: one
/// statement, one select item, the probe's own table and nothing else, and inside the expression no
/// subquery (which could read <c>read_csv</c>, <c>glob</c>, a table …) and no <c>*</c>.
/// </summary>
internal static class SqlFragmentShape
{
    public const string Alias = "__fragment";
    public const string Row = "__row";
    public const string Prefix = "SELECT (";
    public const string Suffix = $") AS {Alias} FROM {Row}";

    /// <summary>The probe statement the fragment is parsed in: written on one line, as the engine embeds it.</summary>
    public static string Probe(string fragment) => Prefix + fragment + Suffix;

    public static SqlFragmentProblem? Check(string fragment, string serialized)
    {
        using var json = JsonDocument.Parse(serialized);
        var root = json.RootElement;
        if (root.GetProperty("error").GetBoolean() && root.TryGetProperty("error_type", out var kind) && kind.GetString() != "parser")
        {
            // The probe parsed, but into statements other than one SELECT: the fragment closed it and added its own.
            return new SqlFragmentProblem("it must be one SQL expression, but it holds several statements (`;`)");
        }

        if (root.GetProperty("error").GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "it does not parse";
            int? offset = root.TryGetProperty("position", out var p) && int.TryParse(p.GetString(), CultureInfo.InvariantCulture, out var at)
                ? Math.Clamp(at - Prefix.Length, 0, fragment.Length)
                : null;
            return new SqlFragmentProblem($"DuckDB cannot parse it: {message}", offset);
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            return new SqlFragmentProblem("it must be one SQL expression, but it holds several statements (`;`)");
        }

        var node = statements[0].GetProperty("node");
        if (node.GetProperty("type").GetString() != "SELECT_NODE"
            || node.GetProperty("select_list").GetArrayLength() != 1
            || !IsEmpty(node, "where_clause") || !IsEmpty(node, "having") || !IsEmpty(node, "qualify") || !IsEmpty(node, "sample")
            || !IsEmpty(node, "group_expressions") || !IsEmpty(node, "modifiers")
            || node.GetProperty("cte_map").GetProperty("map").GetArrayLength() != 0
            || !IsProbeTable(node.GetProperty("from_table")))
        {
            return new SqlFragmentProblem("it must be one SQL expression; it closes the expression and adds SQL around it (a parenthesis too many, FROM, WHERE, UNION …)");
        }

        return FindForbidden(node.GetProperty("select_list")[0], fragment);
    }

    /// <summary>
    /// Every function, operator, CAST and index in the fragment's expression, read from the parse tree
    /// of a fragment <see cref="Check"/> accepted: what the Spark allow-list and the CAST refusal look at.
    /// </summary>
    public static IReadOnlyList<SqlCall> Calls(string fragment, string serialized)
    {
        using var json = JsonDocument.Parse(serialized);
        var calls = new List<SqlCall>();
        var expression = json.RootElement.GetProperty("statements")[0].GetProperty("node").GetProperty("select_list")[0];
        CollectCalls(expression, fragment, calls);
        return calls;
    }

    private static void CollectCalls(JsonElement element, string fragment, List<SqlCall> calls)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectCalls(item, fragment, calls);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var kind = element.TryGetProperty("class", out var c) ? c.GetString() : null;
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var arguments = element.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array ? children.GetArrayLength() : 0;
        if (kind == "FUNCTION" && element.TryGetProperty("function_name", out var name) && name.GetString() is { } function)
        {
            calls.Add(new SqlCall(SqlCallKind.Function, function.ToLowerInvariant(), arguments, Offset(element, fragment)));
        }
        // A typed literal (DATE '2024-01-31') is a CAST of a constant to DuckDB: it converts once, not per row.
        else if (kind == "CAST" && element.TryGetProperty("try_cast", out var tryCast) && tryCast.ValueKind == JsonValueKind.False
            && !(element.TryGetProperty("child", out var child) && child.TryGetProperty("class", out var childClass) && childClass.GetString() == "CONSTANT"))
        {
            calls.Add(new SqlCall(SqlCallKind.Cast, "cast", 1, Offset(element, fragment)));
        }
        else if (kind == "OPERATOR" && type is "ARRAY_EXTRACT" or "ARRAY_SLICE")
        {
            calls.Add(new SqlCall(SqlCallKind.Index, "[]", arguments, Offset(element, fragment)));
        }

        foreach (var property in element.EnumerateObject())
        {
            CollectCalls(property.Value, fragment, calls);
        }
    }

    private static bool IsEmpty(JsonElement node, string property) =>
        !node.TryGetProperty(property, out var value)
        || value.ValueKind == JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static bool IsProbeTable(JsonElement from) =>
        from.GetProperty("type").GetString() == "BASE_TABLE"
        && from.GetProperty("table_name").GetString() == Row
        && from.GetProperty("schema_name").GetString() is null or ""
        && from.GetProperty("catalog_name").GetString() is null or "";

    /// <summary>The first subquery, table function or star anywhere in the expression tree.</summary>
    private static SqlFragmentProblem? FindForbidden(JsonElement element, string fragment)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var kind = element.TryGetProperty("class", out var c) ? c.GetString() : null;
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (kind == "SUBQUERY" || type is "TABLE_FUNCTION" or "SELECT_NODE" || element.TryGetProperty("from_table", out _))
                {
                    var reads = TableFunction(element) is { } function ? $" (it reads the table function `{function}`)" : "";
                    // DuckDB's location of a subquery is its parenthesis or the operator before it; the fragment's start is clearer.
                    return new SqlFragmentProblem($"it must be one expression over the row's columns; a subquery (SELECT …){reads} is not allowed");
                }

                if (kind == "STAR")
                {
                    return new SqlFragmentProblem("it must be one expression over named columns; `*` and COLUMNS(…) are not allowed", Offset(element, fragment));
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindForbidden(property.Value, fragment) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindForbidden(item, fragment) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The name of the first table function below <paramref name="element"/>, if any (for the message).</summary>
    private static string? TableFunction(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "TABLE_FUNCTION"
                && element.TryGetProperty("function", out var f) && f.TryGetProperty("function_name", out var name))
            {
                return name.GetString();
            }

            return element.EnumerateObject().Select(p => TableFunction(p.Value)).FirstOrDefault(n => n is not null);
        }

        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(TableFunction).FirstOrDefault(n => n is not null) : null;
    }

    private static int? Offset(JsonElement element, string fragment) =>
        element.TryGetProperty("query_location", out var l) && l.TryGetUInt64(out var at) && at >= (ulong)Prefix.Length && at < (ulong)(Prefix.Length + fragment.Length)
            ? (int)at - Prefix.Length
            : null;
}
