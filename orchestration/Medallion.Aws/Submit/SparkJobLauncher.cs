using System.IO.Compression;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;

namespace Medallion.Aws.Submit;

/// <summary>
/// Starts the job host's steps on EMR Serverless and waits for them: the one place where
/// <c>medallion run</c> (on a <c>spark</c> environment) and <c>medallion submit</c> upload the bundle,
/// start a step's job run (<see cref="SparkJob.Request"/>) and poll it until it ends.
/// </summary>
public sealed class SparkJobLauncher(AwsEnvironment environment, IArtifactStore artifacts, IEmrServerlessClient emr, JobRunWaiter waiter)
{
    public AwsEnvironment Environment { get; } = environment;

    /// <summary>Where <c>medallion package</c> writes an environment's bundle unless told otherwise.</summary>
    public static string DefaultBundle(string environment) => Path.Combine("artifacts", $"medallion-spark-{environment}.zip");

    /// <summary>
    /// Uploads the bundle, the microsoft-spark jar inside it (EMR needs the entry point as its own
    /// object) and the conf's YAML files below the environment's artifacts prefix.
    /// </summary>
    /// <returns>A line saying what went where.</returns>
    /// <exception cref="MedallionException">The bundle is missing or has no microsoft-spark jar.</exception>
    public async Task<string> UploadAsync(string bundle, string confDirectory, CancellationToken cancellationToken = default)
    {
        var layout = ArtifactLayout.For(Environment.Aws.ArtifactsPrefix!);
        if (!File.Exists(bundle))
        {
            throw new MedallionException($"The bundle {Path.GetFullPath(bundle)} does not exist; run `medallion package --env <env>` first.");
        }

        await using (var content = File.OpenRead(bundle))
        {
            await artifacts.PutAsync(layout.Bundle, content, cancellationToken);
        }

        // The entry point jar travels inside the bundle (the Microsoft.Spark package puts it in
        // the publish folder); EMR needs it as its own S3 object.
        using (var zip = ZipFile.OpenRead(bundle))
        {
            var jar = zip.Entries.FirstOrDefault(e => e.Name == ArtifactLayout.MicrosoftSparkJar)
                ?? throw new MedallionException($"The bundle {bundle} has no {ArtifactLayout.MicrosoftSparkJar}; the job host's publish folder should contain it (from the Microsoft.Spark package).");
            await using var content = new MemoryStream();
            await using (var entry = jar.Open())
            {
                await entry.CopyToAsync(content, cancellationToken);
            }

            content.Position = 0;
            await artifacts.PutAsync(layout.Jar, content, cancellationToken);
        }

        foreach (var file in Directory.EnumerateFiles(confDirectory, "*.yaml", SearchOption.AllDirectories))
        {
            await using var content = File.OpenRead(file);
            var relative = Path.GetRelativePath(confDirectory, file).Replace('\\', '/');
            await artifacts.PutAsync(layout.Conf.Child(relative), content, cancellationToken);
        }

        return $"uploaded {layout.Bundle}, {layout.Jar} and the conf to {layout.Conf}/";
    }

    /// <summary>Starts one step of <paramref name="runKey"/> for <paramref name="table"/> (or every table of the dataset).</summary>
    /// <param name="attempt">The attempt's id (<see cref="JobAttempt.New"/>): one per submit, so a retried call gets its job run back and a new submit starts a new one.</param>
    public Task<EmrJobRun> StartAsync(string dataset, string? table, string step, string runKey, string attempt, CancellationToken cancellationToken = default) =>
        emr.StartJobRunAsync(SparkJob.Request(Environment, dataset, table, step, runKey, attempt), cancellationToken);

    /// <summary>Polls the job run until it ends; the caller cancelling cancels the job run too.</summary>
    public Task<EmrJobRun> WaitAsync(EmrJobRun run, Action<EmrJobRun> onChange, CancellationToken cancellationToken = default) =>
        waiter.WaitAsync(run, onChange, cancellationToken);

    /// <summary>EMR Serverless writes a job run's logs to <c>{logUri}/applications/{app}/jobs/{run}/</c>.</summary>
    public string LogLocation(EmrJobRun run) => Environment.Aws.LogUri is not { } logUri
        ? "in EMR Studio (no log_uri set)"
        : $"{logUri.TrimEnd('/')}/applications/{run.ApplicationId}/jobs/{run.JobRunId}/";
}
