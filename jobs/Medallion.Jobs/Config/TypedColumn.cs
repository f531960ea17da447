namespace Medallion.Jobs.Config;

/// <summary>A column as it exists at one step of a table's silver recipe.</summary>
public sealed record TypedColumn(string Name, ColumnType Type)
{
    /// <summary>
    /// The column's type could not be read (the loader reported it): type checks let it pass and SQL
    /// fragments bind it as DuckDB's NULL type, which fits anywhere, so no error follows from the first.
    /// </summary>
    internal bool TypeUnknown { get; init; }

    public override string ToString() => $"{Name} {Type}";
}
