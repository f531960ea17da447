using Medallion.Jobs.Sql;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// A silver transform. Every kind is one type that owns its YAML shape (see <see cref="ITransformKind"/>),
/// the columns it reads and writes, and its SQL; it is listed once in <see cref="TransformCatalogue"/>.
/// Every kind renders to SQL; none runs per-row .NET code.
/// </summary>
public abstract record TransformSpec(SourceLocation Location)
{
    /// <summary>The YAML key that names this kind, e.g. <c>split_date</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// What the transform does to the column list: checks the columns it reads (reporting through
    /// <paramref name="step"/>) and sets the ones it writes.
    /// </summary>
    internal abstract void Trace(ColumnStep step);

    /// <summary>The transform's SQL, written into <paramref name="sql"/> with the dialect's primitives.</summary>
    internal abstract void Render(TransformSql sql);

    /// <summary>The rules the transform adds by itself (a cast adds <c>cast_&lt;column&gt;</c>); none by default.</summary>
    /// <param name="step">The transform's index in the table's transforms.</param>
    internal virtual IEnumerable<ImplicitRule> ImplicitRules(int step) => [];

    /// <summary>The user SQL the transform embeds (checked against the columns before it when the config loads); none by default.</summary>
    internal virtual IEnumerable<SqlFragment> Fragments => [];
}
