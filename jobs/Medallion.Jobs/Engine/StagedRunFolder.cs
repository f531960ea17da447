using Medallion.Delta.Storage;

namespace Medallion.Jobs.Engine;

/// <summary>The staged silver folder of one run key, which a re-run of the key starts afresh.</summary>
public static class StagedRunFolder
{
    /// <summary>Deletes everything below <paramref name="path"/> but the run's ledger, which the current attempt is already writing.</summary>
    public static async Task ClearAsync(IObjectStore store, string path, CancellationToken cancellationToken = default)
    {
        foreach (var item in await store.ListAsync(path + "/", cancellationToken))
        {
            if (!item.Path.EndsWith("/_run.json", StringComparison.Ordinal))
            {
                await store.DeleteAsync(item.Path, cancellationToken);
            }
        }
    }
}
