namespace Medallion.Samples;

/// <summary>The kinds of bad transaction the mortgage sample contains; each breaks known rules.</summary>
internal enum MortgageBadKind
{
    /// <summary>Empty or blank id: breaks <c>not_null_transaction_id</c> (after trim and empty_to_null).</summary>
    NullId,

    /// <summary>Amount that does not cast to decimal(18,2): breaks <c>cast_transaction_amount</c>.</summary>
    BadAmount,

    /// <summary>Timestamp that does not cast: breaks <c>cast_transaction_timestamp</c>.</summary>
    BadTimestamp,

    /// <summary>Currency outside EUR/USD/GBP: breaks <c>accepted_values_currency</c>.</summary>
    BadCurrency,

    /// <summary>An exact re-send of an earlier clean row: breaks <c>unique_transaction_id</c>.</summary>
    DuplicateId,

    /// <summary>A line with the wrong number of fields (CSV) or that does not parse (NDJSON): <c>malformed</c>.</summary>
    Malformed,

    /// <summary>Two problems: bad currency and bad amount.</summary>
    BadCurrencyAndAmount,

    /// <summary>Two problems: bad timestamp and bad amount.</summary>
    BadTimestampAndAmount,
}
