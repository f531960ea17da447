namespace Medallion.Jobs.Config.Casting;

/// <summary>What a decimal cast does with more fractional digits than the column's scale.</summary>
public enum DecimalRounding
{
    /// <summary>The default: such a value is a cast failure, never silently rounded.</summary>
    Fail,

    /// <summary><c>round: half_up</c>: round to the nearest, a tie away from zero (<c>12.345</c> → <c>12.35</c>, <c>-0.5</c> → <c>-1</c>).</summary>
    HalfUp,

    /// <summary><c>round: half_even</c>: round to the nearest, a tie to the even digit (<c>12.345</c> → <c>12.34</c>, <c>12.355</c> → <c>12.36</c>).</summary>
    HalfEven,
}
