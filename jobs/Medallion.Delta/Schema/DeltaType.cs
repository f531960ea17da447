namespace Medallion.Delta.Schema;

/// <summary>
/// A column type in a Delta schema: <see cref="DeltaPrimitiveType"/>, <see cref="DeltaDecimalType"/>,
/// <see cref="DeltaArrayType"/>, <see cref="DeltaMapType"/> or <see cref="DeltaStructType"/>.
/// </summary>
/// <remarks>
/// Two types are the same when their <see cref="Name"/> is the same; the name spells out every
/// nested type, so comparing names compares the whole type.
/// </remarks>
public abstract class DeltaType
{
    private protected DeltaType()
    {
    }

    /// <summary>
    /// The type in Spark DDL-like spelling for messages and comparisons, e.g. <c>decimal(18,2)</c>,
    /// <c>array&lt;string&gt;</c>, <c>struct&lt;a:integer,b:string&gt;</c>.
    /// </summary>
    public abstract string Name { get; }

    public override string ToString() => Name;
}
