using Medallion.Jobs.Config;
using Medallion.Jobs.Config.Transforms;

namespace Medallion.Jobs.Sql;

/// <summary>One SQL step per transform, written by the transform's kind.</summary>
internal sealed partial class SilverSqlRenderer
{
    /// <param name="Columns">The select items for the data columns after the step, in order.</param>
    /// <param name="NewFlags">Internal flag columns the step adds (cast failures, filters).</param>
    /// <param name="Deduplications">The deduplications the step asks for, decided after the rules.</param>
    private sealed record RenderedStep(IReadOnlyList<string> Columns, IReadOnlyList<StepFlag> NewFlags, IReadOnlyList<Deduplication> Deduplications);

    private RenderedStep RenderTransform(TransformSpec transform, int index, IReadOnlyList<TypedColumn> before, IReadOnlyList<TypedColumn> after, string liveSoFar)
    {
        var sql = new TransformSql(dialect, index, liveSoFar, before);
        transform.Render(sql);
        return new RenderedStep(sql.SelectItems(after), sql.Flags, sql.Deduplications);
    }
}
