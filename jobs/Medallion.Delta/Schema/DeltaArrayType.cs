namespace Medallion.Delta.Schema;

/// <summary>A variable-length list of <see cref="ElementType"/>.</summary>
public sealed class DeltaArrayType : DeltaType
{
    public DeltaArrayType(DeltaType elementType, bool containsNull = true)
    {
        ElementType = elementType ?? throw new ArgumentNullException(nameof(elementType));
        ContainsNull = containsNull;
    }

    public DeltaType ElementType { get; }

    public bool ContainsNull { get; }

    public override string Name => $"array<{ElementType.Name}>";
}
