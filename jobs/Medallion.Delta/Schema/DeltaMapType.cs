namespace Medallion.Delta.Schema;

/// <summary>Key/value pairs with one key type and one value type.</summary>
public sealed class DeltaMapType : DeltaType
{
    public DeltaMapType(DeltaType keyType, DeltaType valueType, bool valueContainsNull = true)
    {
        KeyType = keyType ?? throw new ArgumentNullException(nameof(keyType));
        ValueType = valueType ?? throw new ArgumentNullException(nameof(valueType));
        ValueContainsNull = valueContainsNull;
    }

    public DeltaType KeyType { get; }

    public DeltaType ValueType { get; }

    public bool ValueContainsNull { get; }

    public override string Name => $"map<{KeyType.Name},{ValueType.Name}>";
}
