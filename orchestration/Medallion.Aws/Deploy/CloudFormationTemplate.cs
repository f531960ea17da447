using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Jobs.Config;

namespace Medallion.Aws.Deploy;

/// <summary>
/// The CloudFormation template of one environment: EMR Serverless application, roles, the state
/// machine, a schedule per scheduled dataset, an S3 event rule per <c>trigger: s3</c> dataset, the notification topics, log group, alarms and
/// dead-letter queue, the Glue catalog (promoted, quarantine and run history tables), the Athena
/// workgroup and, when asked for, the analysts' policy. Split by concern: pipeline, monitoring,
/// IAM, catalog, analysts.
/// </summary>
internal static partial class CloudFormationTemplate
{
    public static JsonObject Build(MedallionConfiguration configuration, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var scope = Scope.For(environment);
        var resources = new JsonObject();
        AddPipeline(resources, configuration, environment);
        AddMonitoring(resources, environment);
        AddRoles(resources, environment, scope);
        AddCatalog(resources, configuration, environment);
        AddAnalystPolicy(resources, configuration, environment, scope);
        var outputs = new JsonObject
        {
            ["EmrApplicationId"] = Output(Ref("Application"), "aws.emr_application_id in medallion.yaml"),
            ["JobRoleArn"] = Output(GetAtt("JobRole", "Arn"), "aws.job_role_arn in medallion.yaml"),
            ["StateMachineArn"] = Output(Ref("StateMachine"), "what `medallion schedule trigger` starts"),
            ["FailureTopicArn"] = Output(Ref("FailureTopic"), "subscribe to hear about failed runs and alarms"),
            ["StateMachineLogGroup"] = Output(Ref("StateMachineLogGroup"), "the state machine's execution log"),
            ["ScheduleDeadLetterQueueUrl"] = Output(Ref("ScheduleDeadLetterQueue"), "schedule starts the scheduler gave up on"),
            ["AthenaWorkGroup"] = Output(Ref("AthenaWorkGroup"), "the workgroup to query promoted tables in"),
            ["GlueDatabase"] = Output(Ref("GlueDatabase"), "the database of promoted tables and the run history"),
        };
        AddTriggers(resources, outputs, configuration, environment, scope);
        if (environment.Aws.Pipeline.NotifySuccess)
        {
            outputs["SuccessTopicArn"] = Output(Ref("SuccessTopic"), "subscribe to hear about successful runs and their counts");
        }

        if (environment.Aws.Pipeline.AnalystPolicy)
        {
            outputs["AnalystPolicyArn"] = Output(Ref("AnalystPolicy"), "attach to analysts' roles: read-only Athena over the registered tables");
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = $"Medallion environment {environment.Name}: EMR Serverless, Step Functions, schedules, Glue catalog and Athena (rendered by `medallion deploy render`).",
            ["Resources"] = resources,
            ["Outputs"] = outputs,
        };
    }

    /// <summary>The S3 locations an environment may touch, as parsed URIs.</summary>
    internal sealed record Scope(S3Uri Lake, S3Uri Raw, S3Uri Artifacts, S3Uri? Logs)
    {
        /// <exception cref="ConfigurationException">The lake or raw root is not on S3.</exception>
        public static Scope For(AwsEnvironment environment)
        {
            var spec = environment.Environment;
            var errors = new List<ConfigError>();
            foreach (var (key, value) in new[] { ("lake_root", spec.LakeRoot), ("raw_root", spec.RawRoot) })
            {
                if (!value.StartsWith("s3://", StringComparison.Ordinal))
                {
                    errors.Add(new ConfigError(spec.Location, $"environment `{spec.Name}` has {key} `{value}`; a deployed pipeline needs an s3:// location"));
                }
            }

            if (errors.Count > 0)
            {
                throw new ConfigurationException(errors);
            }

            return new Scope(
                S3Uri.Parse(spec.LakeRoot), S3Uri.Parse(spec.RawRoot), S3Uri.Parse(environment.Aws.ArtifactsPrefix!),
                environment.Aws.LogUri is { } logs ? S3Uri.Parse(logs) : null);
        }
    }

    private static JsonObject Resource(string type, JsonObject properties, params string[] dependsOn)
    {
        var resource = new JsonObject { ["Type"] = type, ["Properties"] = properties };
        if (dependsOn.Length > 0)
        {
            resource["DependsOn"] = new JsonArray([.. dependsOn.Select(d => JsonValue.Create(d))]);
        }

        return resource;
    }

    private static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    private static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    private static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };

    private static JsonObject Output(JsonNode value, string description) => new() { ["Value"] = value, ["Description"] = description };

    private static JsonObject Tags(string environment) => new() { ["medallion:environment"] = environment };
}
