using System.Text.Json.Nodes;
using Medallion.Aws.Deploy;

namespace Medallion.Aws.Tests.Deploy;

/// <summary>Issue 13: a dataset with <c>trigger: s3</c> runs when an object lands under its raw prefix.</summary>
public sealed partial class CloudFormationTemplateTests
{
    [Fact]
    public void Build_TriggerS3_RuleOnObjectCreatedUnderEachDatasetsRawPrefixStartsTheStateMachine()
    {
        var resources = Resources();

        var mortgage = resources["TriggerMortgageTransactions"]!["Properties"]!;
        Assert.Equal("AWS::Events::Rule", resources["TriggerMortgageTransactions"]!["Type"]!.GetValue<string>());
        Assert.Equal("medallion-prod-s3-mortgage-transactions", mortgage["Name"]!.GetValue<string>());
        var pattern = mortgage["EventPattern"]!;
        Assert.Equal(["aws.s3"], Texts(pattern["source"]!));
        Assert.Equal(["Object Created"], Texts(pattern["detail-type"]!));
        Assert.Equal(["acme-raw"], Texts(pattern["detail"]!["bucket"]!["name"]!));
        Assert.Equal(["exports/mortgage_transactions/"], Prefixes(mortgage));
        // A glob without a wildcard is one object: the rule matches exactly that key (and keys it begins).
        Assert.Equal(
            ["exports/wordpress_api/posts.json", "exports/wordpress_api/terms.json", "exports/wordpress_api/term_taxonomy.json", "exports/wordpress_api/statistics_pages.json", "exports/wordpress_api/term_relationships.json"],
            Prefixes(resources["TriggerWordpressApi"]!["Properties"]!));

        var target = Assert.Single(mortgage["Targets"]!.AsArray())!;
        Assert.Equal("StateMachine", target["Arn"]!["Ref"]!.GetValue<string>());
        Assert.Equal(["TriggerRole", "Arn"], Texts(target["RoleArn"]!["Fn::GetAtt"]!));
        Assert.Equal(["TriggerDeadLetterQueue", "Arn"], Texts(target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]!));
        Assert.Equal("$.detail", target["InputTransformer"]!["InputPathsMap"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public void Build_TriggerS3_RoleStartsOnlyThisStateMachineAndTheQueueTakesOnlyTheseRulesEvents()
    {
        var resources = Resources();

        var statement = Assert.Single(Statements(resources, "TriggerRole"));
        Assert.Equal(["states:StartExecution"], Actions(statement));
        Assert.Equal("StateMachine", Assert.Single(statement["Resource"]!.AsArray())!["Ref"]!.GetValue<string>());
        var send = Assert.Single(resources["TriggerDeadLetterQueuePolicy"]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal(["sqs:SendMessage"], Actions(send));
        Assert.Equal("events.amazonaws.com", send["Principal"]!["Service"]!.GetValue<string>());
        Assert.Equal("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/medallion-prod-s3-*", send["Condition"]!["ArnLike"]!["aws:SourceArn"]!["Fn::Sub"]!.GetValue<string>());
        Assert.True(resources["TriggerDeadLetterQueue"]!["Properties"]!["SqsManagedSseEnabled"]!.GetValue<bool>());
        var alarm = Single(resources, "AWS::CloudWatch::Alarm", a => a["AlarmName"]!.GetValue<string>() == "medallion-prod-trigger-dlq-messages");
        Assert.Equal("FailureTopic", alarm["AlarmActions"]![0]!["Ref"]!.GetValue<string>());
        // The guard before an event's jobs counts the state machine's own executions, nothing else's.
        var count = Assert.Single(Statements(resources, "StateMachineRole"), s => Actions(s).Contains("states:ListExecutions"));
        Assert.Equal(["arn:aws:states:${AWS::Region}:${AWS::AccountId}:stateMachine:medallion-prod"], Arns(count));
    }

    [Fact]
    public void Build_TriggerS3_OutputSaysHowToTurnOnTheRawBucketsEventBridgeNotifications()
    {
        using var conf = new AwsConf();
        var configuration = conf.Load();

        var outputs = CloudFormationTemplate.Build(configuration, AwsEnvironment.Resolve(configuration, "prod"))["Outputs"]!;

        var output = outputs["RawBucketEventBridge"]!;
        Assert.Equal("aws s3api put-bucket-notification-configuration --bucket acme-raw --notification-configuration '{\"EventBridgeConfiguration\": {}}'", output["Value"]!.GetValue<string>());
        Assert.Contains("mortgage_transactions, wordpress_api", output["Description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoTrigger_NoRuleRoleOrQueue()
    {
        using var conf = new AwsConf();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(conf.Directory, "datasets")))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("trigger: s3\n", "", StringComparison.Ordinal));
        }

        var resources = Resources(conf);

        Assert.DoesNotContain(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::Events::Rule");
        Assert.Null(resources["TriggerRole"]);
        Assert.Null(resources["TriggerDeadLetterQueue"]);
    }

    private static List<string> Texts(JsonNode array) => [.. array.AsArray().Select(v => v!.GetValue<string>())];

    private static List<string> Prefixes(JsonNode rule) =>
        [.. rule["EventPattern"]!["detail"]!["object"]!["key"]!.AsArray().Select(p => p!["prefix"]!.GetValue<string>())];
}
