using Medallion.Faults;

namespace Medallion.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        // The crash tests' kill switch (MEDALLION_FAULT_AT, see CrashPoints for why it lives in a tool);
        // without the variable the crash points stay inert.
        FaultInjection.InstallFromEnvironment();
        return MedallionCli.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
    }
}
