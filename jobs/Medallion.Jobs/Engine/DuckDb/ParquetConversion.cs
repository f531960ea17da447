namespace Medallion.Jobs.Engine.DuckDb;

/// <summary>How a declared column is read from the type its Parquet files give it (<see cref="ParquetColumn"/>).</summary>
internal enum ParquetConversion
{
    /// <summary>The files hold the declared type: each value is taken as it is.</summary>
    Same,

    /// <summary>
    /// Every value of the file's type is exactly a value of the declared type (<c>INTEGER</c> to
    /// <c>long</c>, <c>DECIMAL(10,2)</c> to <c>decimal(18,2)</c>, <c>FLOAT</c> to <c>double</c>, a
    /// zone-less <c>TIMESTAMP</c> to <c>timestamp</c>): one conversion that can neither fail nor round.
    /// </summary>
    Widened,

    /// <summary>
    /// A conversion that may not fit or may round (<c>DOUBLE</c> to <c>decimal(18,2)</c>, <c>BIGINT</c>
    /// to <c>int</c> or <c>double</c>, <c>TIMESTAMP_NS</c> to <c>timestamp</c>): converted once, and
    /// converted back to the file's type; a value that does not come back equal is a cast failure.
    /// </summary>
    Checked,

    /// <summary>
    /// Everything else (text in the files, numbers to <c>boolean</c>, timestamps to <c>date</c>, and
    /// a decimal with <c>round:</c> declared): the value's text, read by the rules text sources follow.
    /// </summary>
    Text,
}
