namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// One transform's view of the columns while <see cref="ColumnFlow"/> traces a table: the columns
/// before the transform, which it changes in place, and checks that report at the transform's location.
/// </summary>
internal sealed class ColumnStep(TransformSpec transform, ColumnSet columns, List<ConfigError> errors)
{
    public ColumnSet Columns => columns;

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

    /// <summary>True when the existing <paramref name="column"/> has one of <paramref name="kinds"/>.</summary>
    public bool HasType(string column, string expected, params ColumnKind[] kinds)
    {
        var found = columns.Find(column)!;
        var type = found.Type;
        if (found.TypeUnknown || kinds.Contains(type.Kind))
        {
            return true;
        }

        Error($"column `{column}` is {type} but {transform.Kind} needs {expected}; cast it first");
        return false;
    }

    /// <summary>Each name must exist and be a string column.</summary>
    public void RequireStrings(IEnumerable<string> names)
    {
        foreach (var name in names.Where(Exists))
        {
            HasType(name, "string", ColumnKind.String);
        }
    }

    private void Error(string message) => errors.Add(new ConfigError(transform.Location, $"{transform.Kind}: {message}"));
}
