using System.Diagnostics;

namespace Medallion.Aws.Tests;

/// <summary>Runs a python3 script from the test output folder with JSON on stdin; fails with what to install.</summary>
internal static class Python
{
    public static async Task<string> RunAsync(string script, string stdin)
    {
        var start = new ProcessStartInfo("python3", [Path.Combine(AppContext.BaseDirectory, script)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 {script} failed (install botocore: pip install botocore): {error}");
        }

        return output.Trim();
    }
}
