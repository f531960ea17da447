using System.Text.RegularExpressions;

namespace Medallion.Cli.Commands.PlanText;

/// <summary>
/// The name <c>medallion plan --step</c> picks a statement by: what it creates (<c>raw_records</c>,
/// <c>bronze_rows</c>, <c>routed</c>), else its verb (<c>copy</c>, <c>select</c>, <c>insert</c>). A
/// comment-only statement belongs to the statement after it, which it explains.
/// </summary>
internal static partial class PlanStep
{
    /// <summary>The statements of one layer's script paired with their step names, comments carrying the next statement's name.</summary>
    public static IReadOnlyList<(string Step, string Statement)> Name(IReadOnlyList<string> statements)
    {
        var named = new (string Step, string Statement)[statements.Count];
        var next = "";
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            var statement = statements[i];
            if (!IsComment(statement))
            {
                next = Of(statement);
            }

            named[i] = (next, statement);
        }

        return named;
    }

    /// <summary>A comment line standing alone, printed without a <c>;</c>.</summary>
    public static bool IsComment(string statement) =>
        statement.StartsWith("--", StringComparison.Ordinal) && !statement.Contains('\n', StringComparison.Ordinal);

    private static string Of(string statement)
    {
        var created = Created().Match(statement);
        if (created.Success)
        {
            return created.Groups["name"].Value.Trim('"', '`').ToLowerInvariant();
        }

        var verb = Verb().Match(statement);
        return verb.Success ? verb.Value.ToLowerInvariant() : "statement";
    }

    [GeneratedRegex(@"^\s*CREATE\s+(OR\s+REPLACE\s+)?((TEMP|TEMPORARY)\s+)?(VIEW|TABLE)\s+(IF\s+NOT\s+EXISTS\s+)?(?<name>""[^""]+""|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Created();

    [GeneratedRegex(@"^\s*[A-Za-z]+")]
    private static partial Regex Verb();
}
