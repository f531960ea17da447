using Medallion.Jobs.Sql;

namespace Medallion.Cli.Commands.TableShow;

/// <summary>
/// The gate a <c>--where</c> fragment passes before it reaches DuckDB: the check every dataset
/// <c>derive</c>, <c>filter</c> and <c>expression</c> passes at load (<see cref="SqlFragmentChecker"/>):
/// one expression, no <c>;</c>, no subquery or table function, no clause of its own. What the
/// expression may read is limited by the connection too (<see cref="RowQuery"/>: external access
/// only to the table's files), and its columns are bound when the query runs.
/// </summary>
internal static class WhereFragment
{
    /// <exception cref="ArgumentException">The fragment is not one SQL expression.</exception>
    public static void Check(string fragment)
    {
        using var checker = new SqlFragmentChecker();
        if (checker.CheckShape(fragment) is { } problem)
        {
            throw new ArgumentException($"--where must be one SQL condition: {problem.Message}; found: {fragment}");
        }
    }
}
