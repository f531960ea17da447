namespace Medallion.Samples;

/// <summary>
/// Decides which rows are bad, and how. The rows are cut into as many equal strata as there
/// are bad rows and one random row of each stratum is bad, so the number of bad rows is exact
/// (round(rows × share)) and they spread over the whole file; kinds follow a fixed cycle so
/// every kind appears once the file has a cycle's worth of bad rows.
/// </summary>
/// <typeparam name="TKind">The dataset's kinds of bad row.</typeparam>
internal sealed class BadRowSchedule<TKind>
    where TKind : struct, Enum
{
    private readonly long _rows;
    private readonly long _badRows;
    private readonly IReadOnlyList<TKind> _cycle;
    private readonly SplitMix64 _random;
    private long _stratum;
    private long _nextBadRow = -1;

    public BadRowSchedule(long rows, double badShare, IReadOnlyList<TKind> cycle, SplitMix64 random)
    {
        _rows = rows;
        _badRows = Math.Clamp((long)Math.Round(rows * badShare, MidpointRounding.AwayFromZero), 0, rows);
        _cycle = cycle;
        _random = random;
        Advance();
    }

    /// <summary>The kind of bad row at <paramref name="row"/>, or null for a clean row. Call with rows in increasing order.</summary>
    public TKind? KindAt(long row)
    {
        if (row != _nextBadRow)
        {
            return null;
        }

        var kind = _cycle[(int)((_stratum - 1) % _cycle.Count)];
        Advance();
        return kind;
    }

    private void Advance()
    {
        if (_stratum >= _badRows)
        {
            _nextBadRow = -1;
            return;
        }

        var start = (long)((Int128)_stratum * _rows / _badRows);
        var end = (long)((Int128)(_stratum + 1) * _rows / _badRows);
        _nextBadRow = start + _random.NextLong(end - start);
        _stratum++;
    }
}
