using Microsoft.Extensions.Time.Testing;

namespace Medallion.Cli.Tests;

/// <summary>Runs the <c>medallion</c> command line in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var exitCode = await MedallionCli.RunAsync(args, output, error, clock);
        return (exitCode, output.ToString(), error.ToString());
    }
}
