namespace Medallion.Delta;

/// <summary>The table's <c>protocol</c> action: the reader and writer versions (and features) it needs.</summary>
/// <param name="MinReaderVersion">Lowest reader version that may read the table.</param>
/// <param name="MinWriterVersion">Lowest writer version that may write the table.</param>
/// <param name="ReaderFeatures">Reader table features (reader version 3 only).</param>
/// <param name="WriterFeatures">Writer table features (writer version 7 only).</param>
public sealed record DeltaProtocol(
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyList<string>? ReaderFeatures,
    IReadOnlyList<string>? WriterFeatures)
{
    /// <summary>What Medallion writes when it creates a table: reader 1, writer 2, no table features (Athena engine v3 reads it).</summary>
    public static DeltaProtocol Default { get; } = new(1, 2, null, null);
}
