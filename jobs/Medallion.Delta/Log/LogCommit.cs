using System.Text.Json.Nodes;

namespace Medallion.Delta.Log;

/// <summary>The actions of one log file (a commit or a checkpoint), in file order.</summary>
internal sealed class LogCommit
{
    public LogCommit(long version)
    {
        Version = version;
    }

    public long Version { get; }

    public JsonObject? CommitInfo { get; set; }

    public DeltaProtocol? Protocol { get; set; }

    public DeltaMetadata? Metadata { get; set; }

    public List<AddFile> Adds { get; } = [];

    public List<RemoveFile> Removes { get; } = [];

    public List<AppTransaction> Transactions { get; } = [];

    /// <summary>True when an add or remove carried a deletion vector, which Medallion cannot apply.</summary>
    public bool HasDeletionVectors { get; set; }
}
