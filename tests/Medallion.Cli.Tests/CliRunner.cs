using Microsoft.Extensions.Time.Testing;

namespace Medallion.Cli.Tests;

/// <summary>Runs the <c>medallion</c> command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)), args);

    /// <summary>Runs the command line with <paramref name="clock"/> (e.g. after the store's real file times, for retention checks).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MedallionCli.RunAsync(args, output, error, clock);
        return (exitCode, output.ToString(), error.ToString());
    }
}
