namespace Medallion.Delta.Tests.Stores;

/// <summary>Compares the add fields a checkpoint must keep.</summary>
internal sealed class AddFileComparer : IEqualityComparer<AddFile>
{
    public bool Equals(AddFile? x, AddFile? y) =>
        x is not null && y is not null && x.Path == y.Path && x.Size == y.Size && x.ModificationTime == y.ModificationTime
        && x.DataChange == y.DataChange && x.Stats?.NumRecords == y.Stats?.NumRecords
        && x.PartitionValues.OrderBy(pair => pair.Key, StringComparer.Ordinal).SequenceEqual(y.PartitionValues.OrderBy(pair => pair.Key, StringComparer.Ordinal));

    public int GetHashCode(AddFile obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
}
