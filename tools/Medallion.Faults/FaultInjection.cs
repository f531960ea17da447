using System.Diagnostics;
using Medallion.Orchestration;

namespace Medallion.Faults;

/// <summary>
/// Test-only crashes: when <c>MEDALLION_FAULT_AT</c> names one of the <see cref="CrashPoints"/>, the
/// process kills itself there (SIGKILL on Unix: no finally blocks, no flushes), so tests can prove
/// that a crash at any step leaves <c>current/</c> readable. Unset in every real deployment, where
/// installing it changes nothing.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "MEDALLION_FAULT_AT";

    /// <summary>Sets <see cref="CrashPoints.Handler"/> to kill the process at the point the variable names; does nothing when it is unset or empty.</summary>
    public static void InstallFromEnvironment()
    {
        var target = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        CrashPoints.Handler = point =>
        {
            if (point == target)
            {
                using var self = Process.GetCurrentProcess();
                self.Kill();
            }
        };
    }
}
