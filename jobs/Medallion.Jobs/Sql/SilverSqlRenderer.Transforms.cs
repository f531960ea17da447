using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Sql;

/// <summary>One SQL step per transform kind.</summary>
internal sealed partial class SilverSqlRenderer
{
    /// <param name="Columns">The select items for the data columns after the step, in order.</param>
    /// <param name="NewFlags">Internal flag columns the step adds (cast failures, filters, duplicates).</param>
    private sealed record RenderedStep(IReadOnlyList<string> Columns, IReadOnlyList<(string Name, string Sql)> NewFlags);

    private RenderedStep RenderTransform(
        TransformSpec transform, int index, IReadOnlyList<TypedColumn> before, IReadOnlyList<TypedColumn> after, string liveSoFar)
    {
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new List<(string Name, string Sql)>();
        switch (transform)
        {
            case DropTransform:
            case RenameTransform:
                break;
            case CastTransform cast:
                foreach (var c in cast.Casts)
                {
                    var value = Q(c.Column);
                    definitions[c.Column] = dialect.TryCast(value, c.Type);
                    flags.Add((PlanCompiler.CastFailedColumn(index, c.Column), $"({value} IS NOT NULL AND {dialect.TryCast(value, c.Type)} IS NULL)"));
                }

                break;
            case SplitDateTransform split:
                foreach (var part in split.Parts)
                {
                    definitions[split.OutputColumn(part)] = dialect.DatePart(Q(split.Column), part);
                }

                break;
            case DecodeHtmlTransform decode:
                Redefine(decode.Columns, dialect.DecodeHtml);
                break;
            case ReplaceTransform replace:
                Redefine(replace.Columns, c => dialect.ReplaceLiteral(c, replace.Find, replace.With));
                break;
            case TrimTransform trim:
                Redefine(trim.Columns, dialect.Trim);
                break;
            case EmptyToNullTransform empty:
                Redefine(empty.Columns, c => $"NULLIF({c}, '')");
                break;
            case DeriveTransform derive:
                definitions[derive.Column] = dialect.TryCast($"({derive.Expression})", derive.Type);
                break;
            case FilterTransform filter:
                flags.Add(($"__filtered_{index}", $"(NOT coalesce(({filter.Condition}), FALSE))"));
                break;
            case DeduplicateTransform dedupe:
                var key = string.Join(", ", dedupe.Key.Select(Q));
                var direction = dedupe.KeepLatest ? "DESC" : "ASC";
                var window = $"row_number() OVER (PARTITION BY {liveSoFar}, {key} ORDER BY {Q(dedupe.OrderBy)} {direction} NULLS LAST, {Q(LineageColumns.RecordNumber)} {direction})";
                // Rows with a null key are not duplicates of each other; a not_null rule reports them.
                var keyPresent = string.Join(" AND ", dedupe.Key.Select(k => $"{Q(k)} IS NOT NULL"));
                flags.Add(($"__duplicate_{index}", $"({liveSoFar} AND {keyPresent} AND {window} > 1)"));
                break;
            default:
                throw new NotSupportedException($"Transform kind '{transform.Kind}' has no SQL rendering.");
        }

        var renamedFrom = transform is RenameTransform rename
            ? rename.Renames.ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal)
            : [];
        var columns = after.Select(c => definitions.TryGetValue(c.Name, out var sql)
            ? $"{sql} AS {Q(c.Name)}"
            : renamedFrom.TryGetValue(c.Name, out var from) ? $"{Q(from)} AS {Q(c.Name)}" : Q(c.Name)).ToList();
        return new RenderedStep(columns, flags);

        void Redefine(IEnumerable<string> names, Func<string, string> expression)
        {
            foreach (var name in names)
            {
                definitions[name] = expression(Q(name));
            }
        }
    }
}
