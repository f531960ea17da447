namespace Medallion.Jobs.Sql;

/// <summary>Why a SQL fragment is refused.</summary>
/// <param name="Message">What is wrong, with DuckDB's own message where DuckDB found it.</param>
/// <param name="Offset">The 0-based character in the fragment the problem is at, when known.</param>
public sealed record SqlFragmentProblem(string Message, int? Offset = null);
