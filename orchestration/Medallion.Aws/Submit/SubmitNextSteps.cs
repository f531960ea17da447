using Medallion.Aws.Emr;

namespace Medallion.Aws.Submit;

/// <summary>
/// What <c>medallion submit</c> without <c>--wait</c> tells its user: exactly what it started, what
/// it did not, and the commands that follow the job and finish the run. Nothing runs silver after
/// a bronze job started this way, so the message must not suggest anything will.
/// </summary>
internal static class SubmitNextSteps
{
    public static string AfterBronzeOnly(AwsEnvironment environment, SubmitRequest request, string runKey, EmrJobRun bronze)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(bronze);
        var table = request.Table is null ? "" : $" --table {request.Table}";
        return string.Join('\n',
            $"  started: only the bronze job run {bronze.JobRunId} of run key {runKey} ({request.Dataset}{(request.Table is null ? ", every table" : "." + request.Table)}).",
            "  not started: silver, validation and promotion. Without --wait nothing runs them after bronze; current/ is unchanged.",
            $"  follow it:   aws emr-serverless get-job-run --application-id {bronze.ApplicationId} --job-run-id {bronze.JobRunId} --region {environment.Aws.Region}",
            $"  finish it:   medallion submit {request.Dataset}{table} --env {environment.Name} --run-key {runKey} --wait",
            "               (starts bronze again under the same key, replacing its bronze rows, then silver, validates and promotes)",
            $"  or run every step in the deployed pipeline: medallion schedule trigger {request.Dataset} --env {environment.Name}");
    }
}
