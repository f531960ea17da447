using System.Text.Json.Nodes;
using Medallion.Aws.Artifacts;
using Medallion.Orchestration.Outcomes;

namespace Medallion.Aws.Deploy;

internal static partial class CloudFormationTemplate
{
    /// <summary>
    /// Least privilege: the job role reads raw input and its two artifacts (not the rest of the
    /// artifacts prefix, where Athena's results are), writes the lake and logs (aborting its own
    /// failed multipart uploads), under the environment's prefixes only; the state machine role runs
    /// jobs on this application only, passes only the job role, reads only the step outcome files
    /// and publishes only to its topics; the scheduler role starts only this state machine. Each
    /// trust policy names the one resource that may assume the role (confused-deputy guard).
    /// </summary>
    private static void AddRoles(JsonObject resources, AwsEnvironment environment, Scope scope)
    {
        var artifacts = ArtifactLayout.For(environment.Aws.ArtifactsPrefix!);
        var write = new List<S3Uri> { scope.Lake };
        if (scope.Logs is { } logs)
        {
            write.Add(logs);
        }

        List<JsonNode> jobStatements =
        [
            Statement("ReadInputs", ["s3:GetObject"], [Objects(scope.Raw)]),
            Statement("ReadTheJobArtifacts", ["s3:GetObject"], [Object(artifacts.Bundle), Object(artifacts.Jar)]),
            // The S3 store aborts the multipart uploads and copies it cannot finish; without the right to, their parts stay and are billed.
            Statement("WriteLakeAndLogs", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], [.. write.Select(Objects)]),
            Statement("FindUnfinishedUploads", ["s3:ListBucketMultipartUploads"], [.. write.Select(u => u.Bucket).Distinct(StringComparer.Ordinal).Select(Bucket)]),
            .. new[] { scope.Raw }.Concat(write).Select((uri, i) => ListUnder($"ListPrefix{i}", uri)),
        ];
        AddKeyUse(jobStatements, environment, "kms:Decrypt", "kms:GenerateDataKey");
        resources["JobRole"] = Resource("AWS::IAM::Role", Role(
            "emr-serverless.amazonaws.com", "medallion-job", jobStatements,
            Sub("arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}")));

        var application = Sub("arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}");
        JsonNode[] topics = environment.Aws.Pipeline.NotifySuccess ? [Ref("FailureTopic"), Ref("SuccessTopic")] : [Ref("FailureTopic")];
        List<JsonNode> stateStatements =
        [
            Statement("RunJobsOnThisApplication", ["emr-serverless:StartJobRun"], [application]),
            Statement("WatchJobsOnThisApplication", ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"],
                [Sub("arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}/jobruns/*")]),
            PassJobRole(),
            // startJobRun.sync learns of job completion through this managed EventBridge rule.
            Statement("SyncJobCompletion", ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                [Sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForEMRServerlessJobRule")]),
            // The event run limit counts this state machine's running executions (an ARN by name: a Ref would be circular).
            Statement("CountItsRunningExecutions", ["states:ListExecutions"],
                [Sub($"arn:${{AWS::Partition}}:states:${{AWS::Region}}:${{AWS::AccountId}}:stateMachine:{DeployNames.StateMachine(environment.Name)}")]),
            Statement("ReadStepOutcomes", ["s3:GetObject"], [Objects(scope.Lake.Child(StepOutcome.Folder))]),
            Statement("Notify", ["sns:Publish"], topics),
            Statement("UseTheNotificationKey", ["kms:GenerateDataKey*", "kms:Decrypt"], [GetAtt("NotificationKey", "Arn")]),
            // CloudWatch Logs' log delivery API has no resource-level permissions: AWS documents "*"
            // as the only resource for these actions (the log group itself is the template's).
            Statement("DeliverExecutionLogs", [
                "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
                "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"], [JsonValue.Create("*")]),
        ];
        AddKeyUse(stateStatements, environment, "kms:Decrypt");
        resources["StateMachineRole"] = Resource("AWS::IAM::Role", Role(
            "states.amazonaws.com", "medallion-states", stateStatements,
            Sub($"arn:${{AWS::Partition}}:states:${{AWS::Region}}:${{AWS::AccountId}}:stateMachine:{DeployNames.StateMachine(environment.Name)}")));
        resources["SchedulerRole"] = Resource("AWS::IAM::Role", Role(
            "scheduler.amazonaws.com", "medallion-scheduler",
            [
                Statement("StartThisPipeline", ["states:StartExecution"], [Ref("StateMachine")]),
                Statement("KeepStartsItGaveUpOn", ["sqs:SendMessage"], [GetAtt("ScheduleDeadLetterQueue", "Arn")]),
            ],
            Sub($"arn:${{AWS::Partition}}:scheduler:${{AWS::Region}}:${{AWS::AccountId}}:schedule/default/{DeployNames.Schedule(environment.Name, "")}*")));
    }

    /// <summary>The environment's <c>kms_key_arn</c>, when it has one: <paramref name="actions"/> on that key only.</summary>
    private static void AddKeyUse(List<JsonNode> statements, AwsEnvironment environment, params string[] actions)
    {
        if (environment.Aws.KmsKeyArn is { } key)
        {
            statements.Add(Statement("UseTheLakeKey", actions, [JsonValue.Create(key)]));
        }
    }

    private static JsonObject Role(string service, string policyName, List<JsonNode> statements, JsonNode sourceArn) => new()
    {
        ["AssumeRolePolicyDocument"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = service },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = Ref("AWS::AccountId") },
                    ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = sourceArn },
                },
            }),
        },
        ["Policies"] = new JsonArray(new JsonObject
        {
            ["PolicyName"] = policyName,
            ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) },
        }),
    };

    private static JsonObject Statement(string sid, string[] actions, JsonNode[] resources) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => JsonValue.Create(a))]),
        ["Resource"] = new JsonArray(resources),
    };

    private static JsonObject PassJobRole()
    {
        var statement = Statement("PassOnlyTheJobRole", ["iam:PassRole"], [GetAtt("JobRole", "Arn")]);
        statement["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "emr-serverless.amazonaws.com" } };
        return statement;
    }

    /// <summary>Every object under a prefix: <c>arn:…:s3:::bucket/prefix/*</c>.</summary>
    private static JsonNode Objects(S3Uri uri) => Sub(uri.Key.Length == 0 ? $"arn:${{AWS::Partition}}:s3:::{uri.Bucket}/*" : $"arn:${{AWS::Partition}}:s3:::{uri.Bucket}/{uri.Key}/*");

    /// <summary>Exactly one object.</summary>
    private static JsonNode Object(S3Uri uri) => Sub($"arn:${{AWS::Partition}}:s3:::{uri.Bucket}/{uri.Key}");

    private static JsonNode Bucket(string bucket) => Sub($"arn:${{AWS::Partition}}:s3:::{bucket}");

    /// <summary>Listing the bucket, only below the prefix.</summary>
    private static JsonObject ListUnder(string sid, S3Uri uri)
    {
        var statement = Statement(sid, ["s3:ListBucket"], [Bucket(uri.Bucket)]);
        if (uri.Key.Length > 0)
        {
            statement["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = new JsonArray(uri.Key, $"{uri.Key}/*") } };
        }

        return statement;
    }
}
