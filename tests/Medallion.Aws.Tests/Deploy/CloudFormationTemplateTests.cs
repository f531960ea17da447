using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>The rendered template, read as JSON: the guards an AWS review asks for (issue 14).</summary>
public sealed partial class CloudFormationTemplateTests
{
    private const string Key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Fact]
    public void Build_Prod_AlarmsOnFailedAndTimedOutExecutionsToTheFailureTopic()
    {
        var resources = Resources();

        foreach (var metric in new[] { "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted" })
        {
            var alarm = Single(resources, "AWS::CloudWatch::Alarm", a => a["MetricName"]!.GetValue<string>() == metric);
            Assert.Equal("AWS/States", alarm["Namespace"]!.GetValue<string>());
            Assert.Equal("StateMachine", alarm["Dimensions"]![0]!["Value"]!["Ref"]!.GetValue<string>());
            Assert.Equal("FailureTopic", alarm["AlarmActions"]![0]!["Ref"]!.GetValue<string>());
            Assert.Equal(1, alarm["Threshold"]!.GetValue<int>());
        }
    }

    [Fact]
    public void Build_Prod_StateMachineLogsToItsLogGroupAtTheConfiguredLevel()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { log_level: ALL, log_retention_days: 30 }\n");
        var resources = Resources(conf);

        var logging = resources["StateMachine"]!["Properties"]!["LoggingConfiguration"]!;
        Assert.Equal("ALL", logging["Level"]!.GetValue<string>());
        Assert.Equal("StateMachineLogGroup", logging["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        var group = resources["StateMachineLogGroup"]!;
        Assert.Equal("AWS::Logs::LogGroup", group["Type"]!.GetValue<string>());
        Assert.Equal(30, group["Properties"]!["RetentionInDays"]!.GetValue<int>());
    }

    [Fact]
    public void Build_Schedules_SendWhatTheyCannotStartToAnEncryptedDeadLetterQueueWithAnAlarm()
    {
        var resources = Resources();

        var schedule = Single(resources, "AWS::Scheduler::Schedule", _ => true);
        Assert.Equal("ScheduleDeadLetterQueue", schedule["Target"]!["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        Assert.True(resources["ScheduleDeadLetterQueue"]!["Properties"]!["SqsManagedSseEnabled"]!.GetValue<bool>());
        Assert.Equal("FailureTopic", Single(resources, "AWS::CloudWatch::Alarm", a => a["AlarmName"]!.GetValue<string>() == "medallion-prod-schedule-dlq-messages")["AlarmActions"]![0]!["Ref"]!.GetValue<string>());
        Assert.Contains(Statements(resources, "SchedulerRole"), s => Actions(s).Contains("sqs:SendMessage") && s["Resource"]![0]!["Fn::GetAtt"]![0]!.GetValue<string>() == "ScheduleDeadLetterQueue");
    }

    [Fact]
    public void Build_Topics_EncryptedWithAKeyCloudWatchAlarmsMayUse()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { notify_success: true }\n");
        var resources = Resources(conf);

        Assert.All(resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::SNS::Topic"), topic =>
            Assert.Equal("NotificationKey", topic.Value!["Properties"]!["KmsMasterKeyId"]!["Ref"]!.GetValue<string>()));
        Assert.Equal(2, resources.Count(r => r.Value!["Type"]!.GetValue<string>() == "AWS::SNS::Topic"));
        var key = resources["NotificationKey"]!["Properties"]!;
        Assert.True(key["EnableKeyRotation"]!.GetValue<bool>());
        Assert.Contains(key["KeyPolicy"]!["Statement"]!.AsArray(), s => s!["Principal"]!["Service"]?.GetValue<string>() == "cloudwatch.amazonaws.com");
    }

    [Fact]
    public void Build_Application_HasMaximumCapacityAndAutoStopFromConfig()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { max_vcpu: 64, max_memory_gb: 256, max_disk_gb: 1000, idle_timeout_minutes: 5 }\n");

        var application = Resources(conf)["Application"]!["Properties"]!;

        Assert.Equal(("64 vCPU", "256 GB", "1000 GB"), (application["MaximumCapacity"]!["Cpu"]!.GetValue<string>(), application["MaximumCapacity"]!["Memory"]!.GetValue<string>(), application["MaximumCapacity"]!["Disk"]!.GetValue<string>()));
        Assert.Equal(5, application["AutoStopConfiguration"]!["IdleTimeoutMinutes"]!.GetValue<int>());
    }

    /// <summary>Issue 14: the S3 store aborts failed multipart uploads and copies; without the right to, orphan parts stayed and were billed.</summary>
    [Fact]
    public void Build_JobRole_MayAbortAndListMultipartUploadsWhereItWrites()
    {
        var statements = Statements(Resources(), "JobRole");

        var write = statements.Single(s => s["Sid"]!.GetValue<string>() == "WriteLakeAndLogs");
        Assert.Contains("s3:AbortMultipartUpload", Actions(write));
        Assert.Equal(["arn:aws:s3:::acme-lake/medallion/*", "arn:aws:s3:::acme-logs/medallion/*"], Arns(write));
        var list = statements.Single(s => Actions(s).Contains("s3:ListBucketMultipartUploads"));
        Assert.Equal(["arn:aws:s3:::acme-lake", "arn:aws:s3:::acme-logs"], Arns(list));
    }

    [Fact]
    public void Build_JobRole_ReadsItsTwoArtifactsButNotTheAthenaResults()
    {
        var arns = Statements(Resources(), "JobRole").SelectMany(Arns).Where(a => a.Contains("acme-artifacts", StringComparison.Ordinal)).ToList();

        Assert.Equal(["arn:aws:s3:::acme-artifacts/medallion/prod/medallion-spark.zip", "arn:aws:s3:::acme-artifacts/medallion/prod/microsoft-spark-3-5_2.12-2.3.1.jar"], arns);
    }

    [Theory]
    [InlineData("JobRole", "emr-serverless.amazonaws.com", "arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${Application}")]
    [InlineData("StateMachineRole", "states.amazonaws.com", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:medallion-prod")]
    [InlineData("SchedulerRole", "scheduler.amazonaws.com", "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/default/medallion-prod-*")]
    [InlineData("TriggerRole", "events.amazonaws.com", "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/medallion-prod-s3-*")]
    public void Build_Roles_TrustOnlyTheirOwnResourceInThisAccount(string role, string service, string sourceArn)
    {
        var trust = Resources()[role]!["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!;

        Assert.Equal(service, trust["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("AWS::AccountId", trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!["Ref"]!.GetValue<string>());
        Assert.Equal(sourceArn, trust["Condition"]!["ArnLike"]!["aws:SourceArn"]!["Fn::Sub"]!.GetValue<string>());
    }

    [Fact]
    public void Build_KmsKeyArn_GrantsUseOfThatKeyOnlyAndNothingWithoutIt()
    {
        using var conf = new AwsConf(awsSettings: $"      kms_key_arn: {Key}\n      pipeline: {{ analyst_policy: true }}\n");
        var resources = Resources(conf);

        foreach (var role in new[] { "JobRole", "StateMachineRole" })
        {
            var use = Statements(resources, role).Single(s => s["Sid"]!.GetValue<string>() == "UseTheLakeKey");
            Assert.Equal([Key], use["Resource"]!.AsArray().Select(r => r!.GetValue<string>()));
        }

        Assert.Contains("kms:GenerateDataKey", Actions(Statements(resources, "JobRole").Single(s => s["Sid"]!.GetValue<string>() == "UseTheLakeKey")));
        Assert.Contains(resources["AnalystPolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray(), s => s!["Sid"]!.GetValue<string>() == "UseTheLakeKey");
        Assert.DoesNotContain(Statements(Resources(), "JobRole"), s => s["Sid"]!.GetValue<string>() == "UseTheLakeKey");
    }

    [Fact]
    public void Build_WorkGroup_EncryptsResultsPublishesMetricsAndCutsOffLargeScans()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { athena_scan_limit_gb: 25 }\n");

        var workgroup = Resources(conf)["AthenaWorkGroup"]!["Properties"]!["WorkGroupConfiguration"]!;

        Assert.Equal("SSE_S3", workgroup["ResultConfiguration"]!["EncryptionConfiguration"]!["EncryptionOption"]!.GetValue<string>());
        Assert.True(workgroup["PublishCloudWatchMetricsEnabled"]!.GetValue<bool>());
        Assert.Equal(25_000_000_000L, workgroup["BytesScannedCutoffPerQuery"]!.GetValue<long>());
    }

    [Fact]
    public void Build_AnalystPolicy_ReadsOnlyTheRegisteredTablesAndWritesOnlyQueryResults()
    {
        using var conf = new AwsConf(awsSettings: "      pipeline: { analyst_policy: true }\n");
        var resources = Resources(conf);

        var statements = resources["AnalystPolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!).ToList();
        var reads = Arns(statements.Single(s => s["Sid"]!.GetValue<string>() == "ReadTheRegisteredTables"));
        Assert.Contains("arn:aws:s3:::acme-lake/medallion/silver/mortgage_transactions/transactions/schema_v=1/current/*", reads);
        Assert.Contains("arn:aws:s3:::acme-lake/medallion/quarantine/mortgage_transactions/transactions/schema_v=1/*", reads);
        Assert.Contains("arn:aws:s3:::acme-lake/medallion/_medallion/runs/*", reads);
        Assert.All(reads, r => Assert.DoesNotContain("/bronze/", r, StringComparison.Ordinal));
        Assert.All(reads, r => Assert.DoesNotContain("/runs/run_key", r, StringComparison.Ordinal));
        var writes = statements.Where(s => Actions(s).Contains("s3:PutObject")).SelectMany(Arns);
        Assert.Equal(["arn:aws:s3:::acme-artifacts/medallion/prod/athena-results/*"], writes);
        Assert.Null(Resources()["AnalystPolicy"]);
    }

    private static JsonObject Resources(AwsConf? conf = null)
    {
        using var owned = conf is null ? new AwsConf() : null;
        var configuration = (conf ?? owned!).Load();
        return CloudFormationTemplate.Build(configuration, AwsEnvironment.Resolve(configuration, "prod"))["Resources"]!.AsObject();
    }

    private static JsonNode Single(JsonObject resources, string type, Func<JsonNode, bool> where) =>
        Assert.Single(resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type).Select(r => r.Value!["Properties"]!), p => where(p));

    private static List<JsonNode> Statements(JsonObject resources, string role) =>
        [.. resources[role]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!)];

    private static List<string> Actions(JsonNode statement) => [.. statement["Action"]!.AsArray().Select(a => a!.GetValue<string>())];

    /// <summary>The S3 resources of a statement, with the partition filled in.</summary>
    private static List<string> Arns(JsonNode statement) =>
        [.. statement["Resource"]!.AsArray().Select(r => r is JsonObject sub ? sub["Fn::Sub"]!.GetValue<string>() : r!.GetValue<string>())
            .Select(a => a.Replace("${AWS::Partition}", "aws", StringComparison.Ordinal))];
}
