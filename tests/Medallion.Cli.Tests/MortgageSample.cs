using Medallion.Testing;

namespace Medallion.Cli.Tests;

/// <summary>The repository's mortgage_transactions dataset and committed sample, set up in a <see cref="TestLake"/>.</summary>
internal static class MortgageSample
{
    public const string Dataset = "mortgage_transactions";

    /// <summary>The committed sample's counts (samples/mortgage_transactions/_expected.json).</summary>
    public const int RowsRead = 1500;

    public const int Quarantined = 60;

    /// <summary>Writes the dataset YAML, and the committed sample as raw input unless <paramref name="withRaw"/> is false.</summary>
    public static void WriteTo(TestLake lake, bool withRaw = true)
    {
        lake.WriteDataset(Dataset, File.ReadAllText(Path.Combine(RepositoryPaths.Conf, "datasets", Dataset + ".yaml")));
        if (withRaw)
        {
            lake.WriteRaw($"{Dataset}/transactions.csv", File.ReadAllBytes(Path.Combine(RepositoryPaths.Samples, Dataset, "transactions.csv")));
        }
    }
}
