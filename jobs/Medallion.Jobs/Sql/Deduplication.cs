namespace Medallion.Jobs.Sql;

/// <summary>
/// A <c>deduplicate</c> step as the renderer decides it: after the rules, among the rows that pass
/// them. Its key and order values are taken where the step stands among the transforms (a later
/// transform may rename, replace or drop them) and carried to that point in hidden columns.
/// </summary>
/// <param name="Step">The transform's index; the hidden column names include it.</param>
/// <param name="Key">The key values: hidden column name and the SQL that fills it at the step.</param>
/// <param name="OrderBy">The order value: hidden column name and the SQL that fills it at the step.</param>
/// <param name="KeepLatest">Keep the highest <paramref name="OrderBy"/> (else the lowest).</param>
internal sealed record Deduplication(int Step, IReadOnlyList<(string Column, string Sql)> Key, (string Column, string Sql) OrderBy, bool KeepLatest)
{
    /// <summary>The flag column, true for a removed duplicate.</summary>
    public string FlagColumn => $"__duplicate_{Step}";

    /// <summary>The hidden columns the transform's step adds.</summary>
    public IEnumerable<(string Column, string Sql)> Carried => Key.Append(OrderBy);
}
