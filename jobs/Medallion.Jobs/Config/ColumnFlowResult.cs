namespace Medallion.Jobs.Config;

/// <summary>The columns of a table at every step from bronze to silver, and what did not fit.</summary>
/// <param name="Bronze">The declared bronze columns, in order.</param>
/// <param name="AfterTransform">Index <c>i</c> holds the columns after transform <c>i</c>.</param>
/// <param name="Silver">The columns after every transform: what rules and partitions see.</param>
/// <param name="Errors">Every transform, rule, partition or key that names a column that is not there.</param>
public sealed record ColumnFlowResult(
    IReadOnlyList<TypedColumn> Bronze,
    IReadOnlyList<IReadOnlyList<TypedColumn>> AfterTransform,
    IReadOnlyList<TypedColumn> Silver,
    IReadOnlyList<ConfigError> Errors);
