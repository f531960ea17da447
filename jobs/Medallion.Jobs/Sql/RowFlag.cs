namespace Medallion.Jobs.Sql;

/// <summary>
/// What a flag column a transform step adds means for the row. The renderer routes rows by this
/// kind, never by the flag's name.
/// </summary>
internal enum RowFlag
{
    /// <summary>The row does not pass a filter: it is counted as filtered and is no longer live.</summary>
    Filtered,

    /// <summary>Read by an implicit rule (a value that did not cast); the rule decides the row's fate.</summary>
    RuleInput,
}
