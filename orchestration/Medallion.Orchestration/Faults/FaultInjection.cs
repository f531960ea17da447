using System.Diagnostics;

namespace Medallion.Orchestration.Faults;

/// <summary>
/// Test-only crash points: when <c>MEDALLION_FAULT_AT</c> names a point, the process kills itself
/// there (SIGKILL on Unix: no finally blocks, no flushes), so tests can prove that a crash at any
/// step leaves <c>current/</c> readable. Unset in every real deployment.
/// </summary>
internal static class FaultInjection
{
    public const string Variable = "MEDALLION_FAULT_AT";

    /// <summary>After the run's ledger says succeeded, before <c>_SUCCESS</c>.</summary>
    public const string RunBeforeSuccess = "run-before-success";

    /// <summary>While promotion copies data files under <c>current/</c> (after the first one).</summary>
    public const string PromoteCopying = "promote-copying";

    /// <summary>After every data file is copied, before the Delta commit.</summary>
    public const string PromoteBeforeCommit = "promote-before-commit";

    /// <summary>After the Delta commit, before <c>_LATEST.json</c>.</summary>
    public const string PromoteAfterCommit = "promote-after-commit";

    public static void At(string point)
    {
        if (Environment.GetEnvironmentVariable(Variable) == point)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
