namespace Medallion.Jobs.Config;

/// <summary>What one transform does to the column list, with an error for every column it cannot use.</summary>
internal static class TransformStep
{
    public static void Apply(TransformSpec transform, ColumnSet columns, List<ConfigError> errors)
    {
        var step = new Step(transform, columns, errors);
        switch (transform)
        {
            case DropTransform drop:
                foreach (var column in drop.Columns.Where(step.Exists))
                {
                    columns.Remove(column);
                }

                break;

            case RenameTransform rename:
                foreach (var (from, to) in rename.Renames)
                {
                    if (step.Exists(from) && (string.Equals(from, to, StringComparison.OrdinalIgnoreCase) || step.IsFree(to)))
                    {
                        columns.Set(from, new TypedColumn(to, columns.Find(from)!.Type));
                    }
                }

                break;

            case CastTransform cast:
                foreach (var item in cast.Casts.Where(c => step.Exists(c.Column)))
                {
                    columns.Set(item.Column, new TypedColumn(item.Column, item.Type));
                }

                break;

            case SplitDateTransform split:
                if (step.Exists(split.Column) && step.HasType(split.Column, "date or timestamp", ColumnKind.Date, ColumnKind.Timestamp))
                {
                    foreach (var output in split.Parts.Select(split.OutputColumn).Where(step.IsFree))
                    {
                        columns.Set(output, new TypedColumn(output, ColumnType.Int));
                    }
                }

                break;

            case DecodeHtmlTransform decode:
                step.RequireStrings(decode.Columns);
                break;

            case ReplaceTransform replace:
                step.RequireStrings(replace.Columns);
                break;

            case TrimTransform trim:
                step.RequireStrings(trim.Columns);
                break;

            case EmptyToNullTransform emptyToNull:
                step.RequireStrings(emptyToNull.Columns);
                break;

            case DeriveTransform derive:
                // Replacing keeps the column's position; a name differing only in case would be a second, clashing column.
                if (columns.Contains(derive.Column) || step.IsFree(derive.Column))
                {
                    columns.Set(derive.Column, new TypedColumn(derive.Column, derive.Type));
                }

                break;

            case DeduplicateTransform deduplicate:
                foreach (var column in deduplicate.Key.Append(deduplicate.OrderBy))
                {
                    step.Exists(column);
                }

                break;

            default:
                // filter keeps every column; its SQL is checked by the engine.
                break;
        }
    }

    /// <summary>One transform's view of the columns, reporting at the transform's location.</summary>
    private sealed class Step(TransformSpec transform, ColumnSet columns, List<ConfigError> errors)
    {
        public bool Exists(string column)
        {
            if (columns.Contains(column))
            {
                return true;
            }

            Error($"column `{column}` does not exist at this step; columns are: {columns}");
            return false;
        }

        /// <summary>True when no column (ignoring case) is called <paramref name="column"/>.</summary>
        public bool IsFree(string column)
        {
            if (columns.Clash(column) is not { } existing)
            {
                return true;
            }

            Error($"column `{column}` cannot be created because `{existing.Name}` already exists; columns are: {columns}");
            return false;
        }

        public bool HasType(string column, string expected, params ColumnKind[] kinds)
        {
            var type = columns.Find(column)!.Type;
            if (kinds.Contains(type.Kind))
            {
                return true;
            }

            Error($"column `{column}` is {type} but {transform.Kind} needs {expected}; cast it first");
            return false;
        }

        public void RequireStrings(IEnumerable<string> names)
        {
            foreach (var name in names.Where(Exists))
            {
                HasType(name, "string", ColumnKind.String);
            }
        }

        private void Error(string message) => errors.Add(new ConfigError(transform.Location, $"{transform.Kind}: {message}"));
    }
}
