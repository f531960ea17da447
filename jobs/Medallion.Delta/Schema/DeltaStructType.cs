namespace Medallion.Delta.Schema;

/// <summary>A nested record of named fields.</summary>
public sealed class DeltaStructType : DeltaType
{
    public DeltaStructType(IReadOnlyList<DeltaField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields;
    }

    public IReadOnlyList<DeltaField> Fields { get; }

    public override string Name => $"struct<{string.Join(',', Fields.Select(column => $"{column.Name}:{column.Type.Name}"))}>";
}
