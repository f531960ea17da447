namespace Medallion.Samples;

/// <summary>The kinds of bad post the WordPress sample contains.</summary>
internal enum WordPressBadKind
{
    /// <summary><c>"id": null</c> (a post exported mid-save): breaks <c>not_null_id</c>.</summary>
    NullId,

    /// <summary>An earlier clean post sent again later with an older <c>modified</c> (a stale revision): one duplicate removed.</summary>
    DuplicateOlder,

    /// <summary>An earlier clean post sent again later with a newer <c>modified</c> (an edit): the earlier copy is the duplicate removed.</summary>
    DuplicateNewer,

    /// <summary>A status the silver rules do not accept (<c>trash</c>, <c>auto-draft</c>): breaks <c>accepted_values_status</c>.</summary>
    BadStatus,
}
