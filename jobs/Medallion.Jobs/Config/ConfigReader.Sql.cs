using Medallion.Jobs.Plan;
using Medallion.Jobs.Sql;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>Reading user SQL fragments: each is checked to be one expression as soon as it is read.</summary>
internal sealed partial class ConfigReader
{
    /// <summary>The lineage columns a fragment may read beside the data columns (every step carries them).</summary>
    private static readonly KeyValuePair<string, string>[] FragmentLineage =
    [
        KeyValuePair.Create(LineageColumns.RunKey, "VARCHAR"),
        KeyValuePair.Create(LineageColumns.SourceFile, "VARCHAR"),
        KeyValuePair.Create(LineageColumns.IngestedAt, "TIMESTAMPTZ"),
        KeyValuePair.Create(LineageColumns.RecordNumber, "BIGINT"),
    ];

    /// <summary>
    /// The SQL fragment under <paramref name="node"/> (null when it is no text), with an error for a fragment that is not
    /// one expression (a second statement, a subquery, a table function, FROM …) is refused here,
    /// before any SQL runs. Which columns it may name is checked with the table's column flow.
    /// </summary>
    public SqlFragment? SqlFragment(YamlNode node, string what, SqlFragmentRole role)
    {
        if (String(node, what) is not { } text)
        {
            return null;
        }

        var fragment = new SqlFragment(text, role, At(node), TextColumn(node, text));
        if (Fragments.CheckShape(text) is { } problem)
        {
            // Refused, but returned: the step it belongs to still takes part in the column flow.
            Error(fragment.At(problem.Offset), $"{what}: {problem.Message}");
            return fragment with { Refused = true };
        }

        // The fragment is still one expression: its columns are checked too, so every error shows at once.
        foreach (var call in Fragments.Calls(text))
        {
            if (call.Kind == SqlCallKind.Cast)
            {
                // A CAST that one row's value cannot make stops the whole silver run, after bronze was written.
                Error(fragment.At(call.Offset), $"{what}: CAST (or ::) stops the whole run at the first value that does not convert; " +
                    "use TRY_CAST(…), which gives null there, or a `cast` transform before this step, which quarantines that row under cast_<column>");
            }
            else if (SparkMayRun && PortableFunctions.Problem(call) is { } spark)
            {
                Error(fragment.At(call.Offset), $"{what}: {spark}; an environment runs this conf on Spark (engine: spark)");
            }
        }

        return fragment;
    }

    /// <summary>Binds each fragment against the columns at its step; reports what DuckDB refuses.</summary>
    public void CheckFragmentColumns(IEnumerable<SqlFragment> fragments, IReadOnlyList<TypedColumn> columns, string what)
    {
        var dialect = DuckDbDialect.Instance;
        var visible = columns.Select(c => KeyValuePair.Create(c.Name, c.TypeUnknown ? "\"NULL\"" : dialect.TypeName(c.Type))).Concat(FragmentLineage).ToList();
        foreach (var fragment in fragments.Where(f => !f.Refused))
        {
            if (Fragments.Check(fragment.Text, fragment.Role, visible) is { } problem)
            {
                Error(fragment.At(problem.Offset), $"{what}: {problem.Message}; columns here are: {string.Join(", ", columns.Select(c => c.Name))}");
            }
        }
    }

    /// <summary>A one-line scalar written without escapes starts its text one character after a quote, or at the node.</summary>
    private static int? TextColumn(YamlNode node, string text)
    {
        if (node is not YamlScalarNode scalar || node.Start.Line != node.End.Line)
        {
            return null;
        }

        return scalar.Style switch
        {
            ScalarStyle.Plain => (int)node.Start.Column,
            ScalarStyle.SingleQuoted when !text.Contains('\'', StringComparison.Ordinal) => (int)node.Start.Column + 1,
            ScalarStyle.DoubleQuoted when text.IndexOfAny(['"', '\\']) < 0 => (int)node.Start.Column + 1,
            _ => null,
        };
    }
}
