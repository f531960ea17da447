namespace Medallion.Delta.Schema;

/// <summary>A fixed-point decimal with up to 38 digits.</summary>
public sealed class DeltaDecimalType : DeltaType
{
    public DeltaDecimalType(int precision, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, 38);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        Precision = precision;
        Scale = scale;
    }

    public int Precision { get; }

    public int Scale { get; }

    public override string Name => $"decimal({Precision},{Scale})";
}
