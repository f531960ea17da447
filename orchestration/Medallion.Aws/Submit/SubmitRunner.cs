using Medallion.Aws.Artifacts;
using Medallion.Aws.Emr;
using Medallion.Jobs.Config;
using Medallion.Jobs.Lake;
using Medallion.Orchestration.Tracing;

namespace Medallion.Aws.Submit;

/// <summary>
/// <c>medallion submit</c>: uploads the bundle, the microsoft-spark jar and the conf, runs bronze
/// then silver as EMR Serverless job runs, then validates and promotes through <see cref="IRunFinisher"/>.
/// It starts the same job runs as <c>medallion run</c> on a <c>spark</c> environment
/// (<see cref="EmrServerlessEngine"/>), through the same <see cref="SparkJobLauncher"/>; what it adds
/// is <see cref="SubmitRequest.Wait"/> off, which only starts bronze.
/// </summary>
public sealed class SubmitRunner(
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

        var launcher = new SparkJobLauncher(environment, artifacts, emr, waiter);
        await output.WriteLineAsync(await launcher.UploadAsync(request.Bundle, request.ConfDirectory, cancellationToken));
        await output.WriteLineAsync($"run key {runKey}: {dataset.Name} on EMR Serverless application {environment.Aws.EmrApplicationId} ({environment.Name})");

        // One attempt per submit: its tokens keep retried calls idempotent, a new submit starts new job runs.
        var attempt = JobAttempt.New();
        var jobRuns = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in new[] { SparkJob.Bronze, SparkJob.Silver })
        {
            var started = await launcher.StartAsync(dataset.Name, request.Table, step, runKey, attempt, cancellationToken);
            jobRuns[step] = started.JobRunId;
            await output.WriteLineAsync($"  {step,-7} job run {started.JobRunId}  logs {launcher.LogLocation(started)}");
            if (!request.Wait)
            {
                await output.WriteLineAsync(SubmitNextSteps.AfterBronzeOnly(environment, request, runKey, started));
                return true;
            }

            var finished = await launcher.WaitAsync(started, run => output.WriteLine($"  {step,-7} {run.State}"), cancellationToken);
            if (finished.State != EmrJobRunState.Success)
            {
                await output.WriteLineAsync($"  {step} job run {finished.JobRunId} ended {finished.State}: {finished.StateDetails}");
                return false;
            }
        }

        var trace = new RunTrace(ExecutionArn: null, StateMachine: null, jobRuns);
        var result = await finisher.FinishAsync(new RunFinishRequest(environment.Environment, dataset, tables, runKey, trace), cancellationToken);
        await output.WriteLineAsync(result.Summary);
        return result.Succeeded;
    }
}
