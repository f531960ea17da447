namespace Medallion.Orchestration.Maintenance;

/// <summary>What one OPTIMIZE did.</summary>
/// <param name="Table">Where the table is, for messages.</param>
/// <param name="Version">The OPTIMIZE commit, or null when no partition needed compacting.</param>
/// <param name="FilesRemoved">Small files replaced.</param>
/// <param name="FilesAdded">Compacted files written.</param>
/// <param name="BytesRemoved">Bytes of the replaced files.</param>
/// <param name="BytesAdded">Bytes of the compacted files.</param>
/// <param name="Partitions">Partitions compacted.</param>
/// <param name="Attempts">Plans made: more than one when a concurrent commit took the files of an earlier plan.</param>
public sealed record OptimizeResult(string Table, long? Version, int FilesRemoved, int FilesAdded, long BytesRemoved, long BytesAdded, int Partitions, int Attempts);
