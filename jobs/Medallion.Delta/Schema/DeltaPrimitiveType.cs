namespace Medallion.Delta.Schema;

/// <summary>A primitive Delta type; the instances are the static properties.</summary>
public sealed class DeltaPrimitiveType : DeltaType
{
    private DeltaPrimitiveType(string name)
    {
        Name = name;
    }

    public static DeltaPrimitiveType String { get; } = new("string");

    public static DeltaPrimitiveType Long { get; } = new("long");

    public static DeltaPrimitiveType Integer { get; } = new("integer");

    public static DeltaPrimitiveType Short { get; } = new("short");

    public static DeltaPrimitiveType Byte { get; } = new("byte");

    public static DeltaPrimitiveType Float { get; } = new("float");

    public static DeltaPrimitiveType Double { get; } = new("double");

    public static DeltaPrimitiveType Boolean { get; } = new("boolean");

    public static DeltaPrimitiveType Binary { get; } = new("binary");

    public static DeltaPrimitiveType Date { get; } = new("date");

    /// <summary>Microseconds since the epoch, adjusted to UTC.</summary>
    public static DeltaPrimitiveType Timestamp { get; } = new("timestamp");

    /// <summary>Microseconds without a time zone (needs the <c>timestampNtz</c> feature on the table).</summary>
    public static DeltaPrimitiveType TimestampNtz { get; } = new("timestamp_ntz");

    /// <summary>Every primitive type, in protocol order.</summary>
    public static IReadOnlyList<DeltaPrimitiveType> All { get; } =
        [String, Long, Integer, Short, Byte, Float, Double, Boolean, Binary, Date, Timestamp, TimestampNtz];

    public override string Name { get; }

    /// <summary>The primitive named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static DeltaPrimitiveType? TryParse(string name) =>
        All.FirstOrDefault(type => type.Name == name);
}
