namespace Medallion.Delta.Schema;

/// <summary>
/// How a proposed schema differs from a table's, column by column (names compared as Delta
/// compares them, regardless of case; types by <see cref="DeltaType.Name"/>), so a refusal can say
/// what changed instead of printing both schemas.
/// </summary>
/// <param name="Added">Columns only the proposed schema has, in its order.</param>
/// <param name="Removed">Columns only the table has, in its order.</param>
/// <param name="Retyped">Columns both have with another type, in the table's order.</param>
public sealed record DeltaSchemaDiff(IReadOnlyList<DeltaField> Added, IReadOnlyList<DeltaField> Removed, IReadOnlyList<DeltaSchemaDiff.Change> Retyped)
{
    /// <summary>A column whose type differs: as the table has it and as the proposed schema has it.</summary>
    public sealed record Change(DeltaField Table, DeltaField Proposed);

    /// <summary>True when the schemas have the same columns with the same types.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Retyped.Count == 0;

    /// <summary>True when the proposed schema only adds columns.</summary>
    public bool OnlyAdds => Removed.Count == 0 && Retyped.Count == 0;

    public static DeltaSchemaDiff Between(DeltaSchema table, DeltaSchema proposed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(proposed);
        return new DeltaSchemaDiff(
            [.. proposed.Fields.Where(field => table.Find(field.Name) is null)],
            [.. table.Fields.Where(field => proposed.Find(field.Name) is null)],
            [.. table.Fields.Select(field => (Table: field, Proposed: proposed.Find(field.Name)))
                .Where(pair => pair.Proposed is { } match && match.Type.Name != pair.Table.Type.Name)
                .Select(pair => new Change(pair.Table, pair.Proposed!))]);
    }

    /// <summary>One line, e.g. <c>added `note` (`string`); removed `code` (`string`); retyped `id` from `integer` to `long`</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Added.Count > 0)
        {
            parts.Add("added " + string.Join(", ", Added.Select(Column)));
        }

        if (Removed.Count > 0)
        {
            parts.Add("removed " + string.Join(", ", Removed.Select(Column)));
        }

        if (Retyped.Count > 0)
        {
            parts.Add("retyped " + string.Join(", ", Retyped.Select(c => $"`{c.Table.Name}` from `{c.Table.Type.Name}` to `{c.Proposed.Type.Name}`")));
        }

        return parts.Count == 0 ? "no column changes" : string.Join("; ", parts);
    }

    private static string Column(DeltaField field) => $"`{field.Name}` (`{field.Type.Name}`)";
}
