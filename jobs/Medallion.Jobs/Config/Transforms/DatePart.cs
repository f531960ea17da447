namespace Medallion.Jobs.Config.Transforms;

/// <summary>The parts <c>split_date</c> can produce.</summary>
public enum DatePart
{
    Year,
    Month,
    Day,
}
