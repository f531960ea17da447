using System.Text.RegularExpressions;

namespace Medallion.Jobs.Tests.Engine.DuckDb;

/// <summary>
/// Compares a script's listing (what <c>medallion plan</c> shows) with the statements DuckDB ran:
/// the listing's statements without their comments, and both without the data files' ids.
/// </summary>
internal static partial class ScriptListing
{
    /// <summary>A listing's statements without its comments (a comment-only entry names work outside DuckDB).</summary>
    public static IReadOnlyList<string> Statements(IEnumerable<string> listing) =>
    [
        .. listing
            .Select(entry => string.Join('\n', entry.Split('\n').SkipWhile(line => line.StartsWith("--", StringComparison.Ordinal))))
            .Where(statement => statement.Length > 0)
            .Select(WithoutFileIds),
    ];

    /// <summary>Each build of a run's script names its files anew; the names are not what is compared.</summary>
    public static string WithoutFileIds(string statement) => FileId().Replace(statement, "part-{uuid}.parquet");

    [GeneratedRegex(@"part-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.parquet")]
    private static partial Regex FileId();
}
