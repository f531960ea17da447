namespace Medallion.Samples;

/// <summary>How a transaction line is broken, if at all.</summary>
internal enum LineDamage
{
    None,
    MissingField,
    ExtraField,
}

/// <summary>One transaction as text, exactly as it is written (bad values included).</summary>
internal readonly record struct TransactionRecord(
    string? TransactionId,
    string CustomerId,
    string Amount,
    string Currency,
    string Timestamp,
    LineDamage Damage = LineDamage.None);
