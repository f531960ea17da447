namespace Medallion.Delta.Maintenance;

/// <summary>Small live files of one partition that one compacted file replaces.</summary>
/// <param name="PartitionValues">The partition the files share (column → value in the protocol's string form).</param>
/// <param name="Folder">The folder below the table root the files are in (<c>""</c> for the root); the compacted file goes there too.</param>
/// <param name="Files">The files, at least two.</param>
public sealed record CompactionGroup(IReadOnlyDictionary<string, string?> PartitionValues, string Folder, IReadOnlyList<AddFile> Files)
{
    /// <summary>The bytes of the files together (about the size of the compacted file).</summary>
    public long Size => Files.Sum(file => file.Size);
}
