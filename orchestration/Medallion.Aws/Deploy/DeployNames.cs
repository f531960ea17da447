namespace Medallion.Aws.Deploy;

/// <summary>
/// Names of the deployed resources, derived from the environment so that <c>schedule trigger</c>
/// finds what <c>deploy render</c> created without another setting.
/// </summary>
public static class DeployNames
{
    public static string StateMachine(string environment) => $"medallion-{environment}";

    public static string Application(string environment) => $"medallion-{environment}";

    public static string FailureTopic(string environment) => $"medallion-{environment}-failures";

    public static string WorkGroup(string environment) => $"medallion-{environment}";

    public static string Schedule(string environment, string dataset) => $"medallion-{environment}-{dataset.Replace('_', '-')}";

    /// <summary>Glue names allow lowercase letters, digits and underscores only.</summary>
    public static string GlueDatabase(string environment) => $"medallion_{environment.Replace('-', '_')}";

    public static string GlueTable(string dataset, string table) => $"{dataset}__{table}";

    /// <summary>A CloudFormation logical id: alphanumeric, from <c>snake_case</c> pieces.</summary>
    public static string LogicalId(params string[] parts) =>
        string.Concat(parts.SelectMany(p => p.Split('_', '-')).Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
