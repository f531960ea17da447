namespace Medallion.Cli.Commands.TableShow;

/// <summary>Which of a dataset table's Delta tables <c>medallion table show</c> reads.</summary>
internal enum ShowLayer
{
    /// <summary>The promoted table analysts read (<c>current/</c>).</summary>
    Current,

    /// <summary>A run's staged silver table (<c>--run-key</c>, default the newest run).</summary>
    Silver,

    /// <summary>The typed raw rows and their lineage.</summary>
    Bronze,

    /// <summary>Rejected rows with the rules they broke.</summary>
    Quarantine,
}
