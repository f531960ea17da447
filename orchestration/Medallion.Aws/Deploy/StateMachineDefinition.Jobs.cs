using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Aws.Submit;
using Medallion.Jobs.Engine.Spark;

namespace Medallion.Aws.Deploy;

/// <summary>The EMR Serverless job runs: bronze, silver, and the validate-and-promote job.</summary>
public static partial class StateMachineDefinition
{
    // Stand-ins for the run's values in the job host's arguments, turned into paths by Intrinsic.
    private const string DatasetToken = "\u0001dataset";
    private const string RunKeyToken = "\u0001runKey";
    private const string ExecutionToken = "\u0001execution";
    private const string StateMachineToken = "\u0001stateMachine";
    private const string BronzeRunToken = "\u0001bronzeRun";
    private const string SilverRunToken = "\u0001silverRun";
    private const string ObjectToken = "\u0001object";

    /// <summary>The job host's argument for one object (decision D4 of issue 13: exactly that object, for the tables whose glob matches it).</summary>
    private const string ObjectArgument = "--object";

    /// <summary>
    /// The client token of one attempt of a step: a hash of run key, dataset, step, the execution's
    /// redrive count and the state's retry count. Step Functions' own retries of one StartJobRun call
    /// reuse it (EMR returns the job run already started); a Retry of the state or a redrive of the
    /// execution changes it, so EMR starts a new job run instead of handing back the failed one.
    /// SHA-256 hex is 64 characters, the most a client token may have.
    /// </summary>
    public static string ClientTokenExpression(string step) =>
        $"States.Hash(States.Format('{{}}/{{}}/{step}/{{}}/{{}}', $.context.runKey, $.context.dataset, $$.Execution.RedriveCount, $$.State.RetryCount), 'SHA-256')";

    /// <param name="forObject">Whether the job gets the S3 event's object (<c>--object s3://bucket/key</c>, from <c>$.context.object</c>).</param>
    private static JsonObject JobTask(AwsEnvironment environment, ArtifactLayout artifacts, string step, string state, string next, bool forObject = false)
    {
        var pipeline = environment.Aws.Pipeline;
        var minutes = SparkJob.TimeoutMinutes(pipeline, step);
        var host = new SparkJobArguments(SparkJob.BundleConf, DatasetToken, null, step, RunKeyToken, environment.Name)
        {
            ExecutionArn = ExecutionToken,
            StateMachine = StateMachineToken,
            JobRunIds = step == SparkJob.Promote ? new SortedDictionary<string, string> { [SparkJob.Bronze] = BronzeRunToken, [SparkJob.Silver] = SilverRunToken } : null,
        };
        var parameters = new JsonObject
        {
            ["ApplicationId"] = ApplicationIdPlaceholder,
            ["ExecutionRoleArn"] = JobRoleArnPlaceholder,
            ["Name.$"] = $"States.Format('{{}}-{step}-{{}}', $.context.dataset, $.context.runKey)",
            ["ClientToken.$"] = ClientTokenExpression(step),
            ["ExecutionTimeoutMinutes"] = minutes,
            ["JobDriver"] = new JsonObject
            {
                ["SparkSubmit"] = new JsonObject
                {
                    ["EntryPoint"] = artifacts.Jar.ToString(),
                    ["EntryPointArguments.$"] = $"States.Array({string.Join(", ", SparkJob.Arguments(artifacts, host).Concat(forObject ? [ObjectArgument, ObjectToken] : []).Select(Intrinsic))})",
                    ["SparkSubmitParameters"] = SparkJob.SparkSubmitParameters,
                },
            },
        };
        if (environment.Aws.LogUri is { } logUri)
        {
            parameters["ConfigurationOverrides"] = new JsonObject
            {
                ["MonitoringConfiguration"] = new JsonObject { ["S3MonitoringConfiguration"] = new JsonObject { ["LogUri"] = logUri } },
            };
        }

        // Transient service errors first; then a failed job run, started again as a new job run
        // (bronze replaces its run key's rows, silver its staged run). A rejected validation fails
        // the same way twice, so promotion is not retried.
        var retry = new JsonArray(Retrier(4, 10, "EMRServerless.ThrottlingException", "EMRServerless.InternalServerException", "EMRServerless.ServiceQuotaExceededException"));
        if (step != SparkJob.Promote && pipeline.JobRetries > 0)
        {
            retry.Add(Retrier(pipeline.JobRetries, 60, "States.TaskFailed"));
        }

        return new JsonObject
        {
            ["Type"] = "Task",
            ["Resource"] = "arn:aws:states:::emr-serverless:startJobRun.sync",
            ["Parameters"] = parameters,
            // The .sync result is the finished job run's description; only its id is kept (the promote job and the notices need it).
            ["ResultSelector"] = new JsonObject { ["JobRunId.$"] = "$.JobRunId" },
            ["ResultPath"] = $"$.jobs.{step}",
            ["TimeoutSeconds"] = (int)(TimeSpan.FromMinutes(minutes) + StartAllowance).TotalSeconds,
            ["Retry"] = retry,
            ["Catch"] = Catch(state + "Failed", "$.failure"),
            ["Next"] = next,
        };
    }

    /// <summary>One argument of <c>States.Array</c>: a path for the run's values, otherwise a quoted literal.</summary>
    private static string Intrinsic(string argument) => argument switch
    {
        DatasetToken => "$.context.dataset",
        RunKeyToken => "$.context.runKey",
        ExecutionToken => "$.context.executionArn",
        StateMachineToken => "$.context.stateMachine",
        BronzeRunToken => "$.jobs.bronze.JobRunId",
        SilverRunToken => "$.jobs.silver.JobRunId",
        ObjectToken => "$.context.object",
        _ when argument.IndexOfAny(['\'', '{', '}', '\\']) >= 0 =>
            throw new ArgumentException($"'{argument}' cannot be a States.Array literal: it has a quote, brace or backslash."),
        _ => $"'{argument}'",
    };
}
