namespace Medallion.Delta.Log;

/// <summary>Refuses tables that need reader or writer features Medallion does not implement.</summary>
internal static class ProtocolCheck
{
    // Reader features that change nothing for a reader that already handles the types involved.
    private static readonly HashSet<string> SupportedReaderFeatures = ["timestampNtz", "vacuumProtocolCheck"];

    private static readonly Dictionary<string, string> FeatureNames = new()
    {
        ["columnMapping"] = "column mapping",
        ["deletionVectors"] = "deletion vectors",
        ["v2Checkpoint"] = "v2 checkpoints",
        ["typeWidening"] = "type widening",
        ["typeWidening-preview"] = "type widening",
        ["variantType"] = "variant type",
        ["variantType-preview"] = "variant type",
        ["catalogManaged"] = "catalog-managed tables",
    };

    public static void EnsureReadable(DeltaProtocol protocol, string location)
    {
        switch (protocol.MinReaderVersion)
        {
            case <= 1:
                return;
            case 2:
                throw Unsupported(location, "column mapping", "reader version 2");
            case 3:
                var missing = (protocol.ReaderFeatures ?? []).Where(feature => !SupportedReaderFeatures.Contains(feature)).ToList();
                if (missing.Count > 0)
                {
                    throw Unsupported(location, string.Join(", ", missing.Select(Describe)), "reader version 3");
                }

                return;
            default:
                throw Unsupported(location, $"reader version {protocol.MinReaderVersion}", $"reader version {protocol.MinReaderVersion}");
        }
    }

    /// <summary>Medallion writes reader 1 / writer 2 tables and nothing that needs more.</summary>
    public static void EnsureWritable(DeltaProtocol protocol, string location)
    {
        if (protocol.MinWriterVersion > 2)
        {
            var features = protocol.WriterFeatures is { Count: > 0 } list ? $" ({string.Join(", ", list.Select(Describe))})" : "";
            throw new DeltaUnsupportedFeatureException(
                $"The Delta table at '{location}' needs writer version {protocol.MinWriterVersion}{features}; Medallion writes version 2 only.");
        }
    }

    public static DeltaUnsupportedFeatureException DeletionVectors(string location) =>
        Unsupported(location, "deletion vectors", "deletion vectors in its add actions");

    private static string Describe(string feature) => FeatureNames.TryGetValue(feature, out var name) ? name : feature;

    private static DeltaUnsupportedFeatureException Unsupported(string location, string feature, string because) =>
        new($"The Delta table at '{location}' uses {feature} ({because}), which Medallion's Delta reader does not implement; it refuses the table rather than read it wrongly.");
}
