namespace Medallion.Jobs.Config;

/// <summary>A column as it exists at one step of a table's silver recipe.</summary>
public sealed record TypedColumn(string Name, ColumnType Type)
{
    public override string ToString() => $"{Name} {Type}";
}
