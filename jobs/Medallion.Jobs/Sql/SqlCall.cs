namespace Medallion.Jobs.Sql;

/// <summary>What a call in a user SQL fragment is, as DuckDB's parse tree tells it.</summary>
internal enum SqlCallKind
{
    /// <summary>A function or an operator DuckDB parses as one (<c>upper(s)</c>, <c>a + b</c>, <c>s LIKE 'x'</c> as <c>~~</c>).</summary>
    Function,

    /// <summary><c>CAST(x AS t)</c> or <c>x::t</c>; <c>TRY_CAST</c> is not one.</summary>
    Cast,

    /// <summary><c>x[i]</c> or <c>x[i:j]</c>: DuckDB counts from 1, Spark from 0.</summary>
    Index,
}

/// <summary>One call in a user SQL fragment.</summary>
/// <param name="Name">The function or operator name in lower case (<c>upper</c>, <c>+</c>, <c>~~</c>); <c>cast</c> or <c>[]</c> for the other kinds.</param>
/// <param name="Arguments">How many arguments it is given.</param>
/// <param name="Offset">The 0-based character of the fragment it starts at, when DuckDB knows it.</param>
internal sealed record SqlCall(SqlCallKind Kind, string Name, int Arguments, int? Offset);
