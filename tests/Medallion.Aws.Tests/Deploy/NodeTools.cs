using System.Diagnostics;
using Medallion.Testing;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>Runs the template checkers CI installs: cfn-lint (pip) and asl-validator (npm, under .tools/node).</summary>
internal static class NodeTools
{
    public const string AslInstall = "bash eng/install-node-tools.sh";

    public static string AslValidator
    {
        get
        {
            var path = Path.Combine(RepositoryPaths.Root, ".tools", "node", "node_modules", ".bin", "asl-validator");
            return File.Exists(path) ? path : throw new InvalidOperationException($"asl-validator is not installed at {path}; install it with: {AslInstall}");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{tool} could not start; install it (cfn-lint: pip install cfn-lint; asl-validator: {AslInstall}).", missing);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }
}
