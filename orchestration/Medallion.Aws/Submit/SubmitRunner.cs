using System.IO.Compression;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;

namespace Medallion.Aws.Submit;

/// <summary>
/// <c>medallion submit</c>: uploads the bundle, the microsoft-spark jar and the conf, runs bronze
/// then silver as EMR Serverless job runs, then validates and promotes through <see cref="IRunFinisher"/>.
/// </summary>
internal sealed class SubmitRunner(
    MedallionConfiguration configuration, IArtifactStore artifacts, IEmrServerlessClient emr, JobRunWaiter waiter, IRunFinisher finisher, TextWriter output, TimeProvider clock)
{
    /// <summary>True when every step succeeded (or, without <see cref="SubmitRequest.Wait"/>, bronze was started).</summary>
    /// <exception cref="ConfigurationException">Unknown dataset, table or environment, or missing <c>aws:</c> settings.</exception>
    /// <exception cref="OperationCanceledException">Ctrl+C; the running job run was cancelled.</exception>
    public async Task<bool> RunAsync(SubmitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var environment = AwsEnvironment.Resolve(configuration, request.Environment,
            AwsEnvironment.Setting.ArtifactsPrefix, AwsEnvironment.Setting.EmrApplicationId, AwsEnvironment.Setting.JobRoleArn);
        var dataset = DatasetLookup.Dataset(configuration, request.Dataset);
        var tables = DatasetLookup.Tables(dataset, request.Table);
        var runKey = request.RunKey is null ? RunKey.Generate(clock) : RunKey.Validate(request.RunKey);

        await UploadAsync(ArtifactLayout.For(environment.Aws.ArtifactsPrefix!), request, cancellationToken);
        await output.WriteLineAsync($"run key {runKey}: {dataset.Name} on EMR Serverless application {environment.Aws.EmrApplicationId} ({environment.Name})");

        foreach (var step in new[] { SparkJob.Bronze, SparkJob.Silver })
        {
            var started = await emr.StartJobRunAsync(SparkJob.Request(environment, dataset.Name, request.Table, step, runKey), cancellationToken);
            await output.WriteLineAsync($"  {step,-7} job run {started.JobRunId}  logs {LogLocation(environment.Aws.LogUri, started)}");
            if (!request.Wait)
            {
                await output.WriteLineAsync("  started; silver, validation and promotion follow bronze only with --wait (or in the scheduled pipeline).");
                return true;
            }

            var finished = await waiter.WaitAsync(started, run => output.WriteLine($"  {step,-7} {run.State}"), cancellationToken);
            if (finished.State != EmrJobRunState.Success)
            {
                await output.WriteLineAsync($"  {step} job run {finished.JobRunId} ended {finished.State}: {finished.StateDetails}");
                return false;
            }
        }

        var result = await finisher.FinishAsync(new RunFinishRequest(environment.Environment, dataset, tables, runKey), cancellationToken);
        await output.WriteLineAsync(result.Summary);
        return result.Succeeded;
    }

    private async Task UploadAsync(ArtifactLayout layout, SubmitRequest request, CancellationToken cancellationToken)
    {
        if (!File.Exists(request.Bundle))
        {
            throw new MedallionException($"The bundle {Path.GetFullPath(request.Bundle)} does not exist; run `medallion package --env <env>` first.");
        }

        await using (var bundle = File.OpenRead(request.Bundle))
        {
            await artifacts.PutAsync(layout.Bundle, bundle, cancellationToken);
        }

        // The entry point jar travels inside the bundle (the Microsoft.Spark package puts it in
        // the publish folder); EMR needs it as its own S3 object.
        using (var zip = ZipFile.OpenRead(request.Bundle))
        {
            var jar = zip.Entries.FirstOrDefault(e => e.Name == ArtifactLayout.MicrosoftSparkJar)
                ?? throw new MedallionException($"The bundle {request.Bundle} has no {ArtifactLayout.MicrosoftSparkJar}; the job host's publish folder should contain it (from the Microsoft.Spark package).");
            await using var content = new MemoryStream();
            await using (var entry = jar.Open())
            {
                await entry.CopyToAsync(content, cancellationToken);
            }

            content.Position = 0;
            await artifacts.PutAsync(layout.Jar, content, cancellationToken);
        }

        foreach (var file in Directory.EnumerateFiles(request.ConfDirectory, "*.yaml", SearchOption.AllDirectories))
        {
            await using var content = File.OpenRead(file);
            var relative = Path.GetRelativePath(request.ConfDirectory, file).Replace('\\', '/');
            await artifacts.PutAsync(layout.Conf.Child(relative), content, cancellationToken);
        }

        await output.WriteLineAsync($"uploaded {layout.Bundle}, {layout.Jar} and the conf to {layout.Conf}/");
    }

    /// <summary>EMR Serverless writes a job run's logs to <c>{logUri}/applications/{app}/jobs/{run}/</c>.</summary>
    private static string LogLocation(string? logUri, EmrJobRun run) => logUri is null
        ? "in EMR Studio (no log_uri set)"
        : $"{logUri.TrimEnd('/')}/applications/{run.ApplicationId}/jobs/{run.JobRunId}/";
}
