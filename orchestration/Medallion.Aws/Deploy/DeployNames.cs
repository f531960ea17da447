namespace Medallion.Aws.Deploy;

/// <summary>
/// Names of the deployed resources, derived from the environment so that <c>schedule trigger</c>
/// finds what <c>deploy render</c> created without another setting.
/// Glue and Athena names are <see cref="Jobs.Sql.CatalogNames"/>'s, shared with <c>medallion athena ddl</c>.
/// </summary>
public static class DeployNames
{
    public static string StateMachine(string environment) => $"medallion-{environment}";

    public static string Application(string environment) => $"medallion-{environment}";

    public static string FailureTopic(string environment) => $"medallion-{environment}-failures";

    public static string SuccessTopic(string environment) => $"medallion-{environment}-successes";

    public static string ScheduleDeadLetterQueue(string environment) => $"medallion-{environment}-schedule-dlq";

    public static string TriggerDeadLetterQueue(string environment) => $"medallion-{environment}-trigger-dlq";

    /// <summary>The EventBridge rule that starts a run of <paramref name="dataset"/> when an object lands under its raw prefix.</summary>
    public static string TriggerRule(string environment, string dataset) => $"medallion-{environment}-s3-{dataset.Replace('_', '-')}";

    public static string WorkGroup(string environment) => $"medallion-{environment}";

    public static string Schedule(string environment, string dataset) => $"medallion-{environment}-{dataset.Replace('_', '-')}";

    /// <summary>A CloudFormation logical id: alphanumeric, from <c>snake_case</c> pieces.</summary>
    public static string LogicalId(params string[] parts) =>
        string.Concat(parts.SelectMany(p => p.Split('_', '-')).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
