namespace Medallion.Orchestration;

/// <summary>
/// The steps of a run and its promotion where a crash must still leave <c>current/</c> readable and
/// the same run key able to finish. The run lifecycle and the promoter call <see cref="Reach"/> at
/// each; nothing happens there unless a host has set <see cref="Handler"/>.
/// </summary>
/// <remarks>
/// Why a hook and not the kill itself: the crash tests must SIGKILL a real process at exactly these
/// steps, which only code standing at them can do, yet killing the process is test tooling and has
/// no place in a product library. So the library keeps only the names and one null check per step;
/// the kill, driven by <c>MEDALLION_FAULT_AT</c>, lives in <c>tools/Medallion.Faults</c>, which the
/// CLI host installs at start-up. A static hook rather than an injected service, because the points
/// sit deep in the promoter's copy loop and commit and in the run lifecycle: threading a dependency
/// through their constructors for a seam no deployment uses would cost more than it shows.
/// </remarks>
public static class CrashPoints
{
    /// <summary>After the run took its run keys' leases, before any layer wrote.</summary>
    public const string RunKeyLeased = "run-key-leased";

    /// <summary>In the silver layer, before the engine runs it.</summary>
    public const string RunSilver = "run-silver";

    /// <summary>After the run's ledger says succeeded, before <c>_SUCCESS</c>.</summary>
    public const string RunBeforeSuccess = "run-before-success";

    /// <summary>While promotion copies data files under <c>current/</c> (after the first one).</summary>
    public const string PromoteCopying = "promote-copying";

    /// <summary>After every data file is copied, before the Delta commit.</summary>
    public const string PromoteBeforeCommit = "promote-before-commit";

    /// <summary>After the Delta commit, before <c>_LATEST.json</c>.</summary>
    public const string PromoteAfterCommit = "promote-after-commit";

    /// <summary>After a backfill slice is promoted, before the next slice starts (a backfill killed "after slice N").</summary>
    public const string BackfillSlicePromoted = "backfill-slice-promoted";

    /// <summary>Called with a point's name each time a step reaches it. Set once by a host before any run.</summary>
    /// <value>Default null: the crash points do nothing (every real deployment).</value>
    public static Action<string>? Handler { get; set; }

    internal static void Reach(string point) => Handler?.Invoke(point);
}
