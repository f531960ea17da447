using System.Diagnostics;
using System.IO.Compression;

namespace Medallion.Aws.Artifacts;

/// <summary>
/// <c>medallion package</c>: publishes the Spark job host self-contained for linux-x64 (EMR
/// Serverless workers have no .NET runtime) and zips it with the conf, which lands in
/// <c>conf/</c> beside the executable.
/// </summary>
public static class BundlePackager
{
    /// <summary>The NuGet package the job host needs and this machine's feed may not have.</summary>
    public const string SparkPackage = "Microsoft.Spark 2.3.1";

    /// <summary>Runs <c>dotnet publish</c> on the job host into <paramref name="publishDirectory"/>.</summary>
    /// <exception cref="MedallionException">The project is missing or the publish failed; the message names <see cref="SparkPackage"/>.</exception>
    public static async Task PublishAsync(string project, string publishDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(project))
        {
            throw new MedallionException(
                $"The Spark job host project {Path.GetFullPath(project)} is not there; package needs it and the {SparkPackage} package it builds with.");
        }

        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", publishDirectory, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new MedallionException("dotnet publish did not start; is the .NET SDK on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var said = string.Join('\n', ((await stdout) + (await stderr)).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(5));
            throw new MedallionException(
                $"dotnet publish of {project} failed (exit code {process.ExitCode}). The Spark job host needs the NuGet package {SparkPackage}; " +
                $"make it restorable from your NuGet feeds (it is not on every feed) and run package again. dotnet said:\n{said}");
        }
    }

    /// <summary>Zips <paramref name="publishDirectory"/> at the root and <paramref name="confDirectory"/> under <c>conf/</c>.</summary>
    /// <exception cref="MedallionException">The publish folder lacks the job host's executable.</exception>
    public static void CreateZip(string publishDirectory, string confDirectory, string zipPath)
    {
        if (!File.Exists(Path.Combine(publishDirectory, Submit.SparkJob.HostExecutable)))
        {
            throw new MedallionException(
                $"{publishDirectory} has no {Submit.SparkJob.HostExecutable} executable; it is not a linux-x64 publish of the job host.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var partial = zipPath + ".partial";
        File.Delete(partial);
        using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            Add(zip, publishDirectory, "");
            Add(zip, confDirectory, Submit.SparkJob.BundleConf + "/");
        }

        // Replace in one step so a failed package never leaves a half-written bundle for submit.
        File.Move(partial, zipPath, overwrite: true);
    }

    private static void Add(ZipArchive zip, string directory, string prefix)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = prefix + Path.GetRelativePath(directory, file).Replace('\\', '/');
            var entry = zip.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
            // Keep the executable bit so DotnetRunner can start the self-contained host.
            // Windows has no mode bits to copy: 0755 for the host, 0644 for the rest.
            var mode = OperatingSystem.IsWindows()
                ? (name == Submit.SparkJob.HostExecutable ? 0x1ED : 0x1A4)
                : (int)(File.GetUnixFileMode(file) & (UnixFileMode)0x1FF);
            entry.ExternalAttributes = mode << 16;
        }
    }
}
