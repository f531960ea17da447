using System.Diagnostics;
using Medallion.Orchestration;

namespace Medallion.Faults;

/// <summary>
/// Test-only faults: when <c>MEDALLION_FAULT_AT</c> names one of the <see cref="CrashPoints"/>, the
/// process does there what <c>MEDALLION_FAULT_ACTION</c> says:
/// <list type="bullet">
/// <item><c>kill</c> (the default): kills itself (SIGKILL on Unix: no finally blocks, no flushes), so tests can
/// prove that a crash at any step leaves <c>current/</c> readable;</item>
/// <item><c>io</c>: throws an <see cref="IOException"/> as a full disk would, so tests can prove the ledger tells the truth;</item>
/// <item><c>hold</c>: creates <c>{MEDALLION_FAULT_GATE}.{pid}.reached</c> and waits until the file
/// <c>MEDALLION_FAULT_GATE</c> exists, so a test can make two real processes overlap at that step without timing.</item>
/// </list>
/// With <c>MEDALLION_FAULT_HIT</c> = N it acts the N-th time the point is reached (default: the first), e.g.
/// a backfill killed after its third slice.
/// Unset in every real deployment, where installing it changes nothing.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "MEDALLION_FAULT_AT";
    public const string ActionVariable = "MEDALLION_FAULT_ACTION";
    public const string GateVariable = "MEDALLION_FAULT_GATE";
    public const string HitVariable = "MEDALLION_FAULT_HIT";

    /// <summary>How long <c>hold</c> waits for its gate before going on (a test that forgot to open it still ends).</summary>
    private static readonly TimeSpan HoldLimit = TimeSpan.FromMinutes(2);

    /// <summary>Sets <see cref="CrashPoints.Handler"/> to act at the point the variable names; does nothing when it is unset or empty.</summary>
    public static void InstallFromEnvironment()
    {
        var target = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        var action = Environment.GetEnvironmentVariable(ActionVariable);
        var gate = Environment.GetEnvironmentVariable(GateVariable);
        var hit = int.TryParse(Environment.GetEnvironmentVariable(HitVariable), System.Globalization.CultureInfo.InvariantCulture, out var nth) ? nth : 1;
        var reached = 0;
        CrashPoints.Handler = point =>
        {
            if (point != target || Interlocked.Increment(ref reached) != hit)
            {
                return;
            }

            switch (action)
            {
                case "io":
                    throw new IOException($"No space left on device (injected at {point})");
                case "hold" when !string.IsNullOrEmpty(gate):
                    Hold(gate);
                    break;
                default:
                    using (var self = Process.GetCurrentProcess())
                    {
                        self.Kill();
                    }

                    break;
            }
        };
    }

    private static void Hold(string gate)
    {
        File.WriteAllText($"{gate}.{Environment.ProcessId}.reached", string.Empty);
        var waited = Stopwatch.StartNew();
        while (!File.Exists(gate) && waited.Elapsed < HoldLimit)
        {
            Thread.Sleep(50);
        }
    }
}
