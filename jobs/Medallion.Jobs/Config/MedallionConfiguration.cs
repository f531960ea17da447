namespace Medallion.Jobs.Config;

/// <summary>Everything read from a conf folder: <c>medallion.yaml</c> and every dataset.</summary>
/// <param name="Settings">The environments from <c>medallion.yaml</c>.</param>
/// <param name="Datasets">The datasets, ordered by file name.</param>
public sealed record MedallionConfiguration(MedallionConfig Settings, IReadOnlyList<DatasetSpec> Datasets)
{
    /// <summary>The dataset called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public DatasetSpec? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);
}
