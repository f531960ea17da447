using Medallion.Jobs.Config;

namespace Medallion.Aws;

/// <summary>An environment that runs on AWS, with the <c>aws:</c> settings a command needs checked up front.</summary>
public sealed record AwsEnvironment(EnvironmentSpec Environment, AwsSpec Aws)
{
    /// <summary>The setting names as written in <c>medallion.yaml</c>.</summary>
    public enum Setting
    {
        ArtifactsPrefix,
        EmrApplicationId,
        JobRoleArn,
        ReleaseLabel,
        LogUri,
    }

    public string Name => Environment.Name;

    /// <summary>The environment called <paramref name="name"/> (or the default one), with every <paramref name="required"/> setting present.</summary>
    /// <exception cref="ConfigurationException">Unknown environment, no <c>aws:</c> block, or missing settings, all named with their place.</exception>
    public static AwsEnvironment Resolve(MedallionConfiguration configuration, string? name, params Setting[] required)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.Settings;
        var chosen = name ?? settings.DefaultEnvironment;
        if (!settings.Environments.TryGetValue(chosen, out var environment))
        {
            throw new ConfigurationException([new ConfigError(settings.Location,
                $"environment `{chosen}` is not in medallion.yaml (it has {string.Join(", ", settings.Environments.Keys)})")]);
        }

        if (environment.Aws is not { } aws)
        {
            throw new ConfigurationException([new ConfigError(environment.Location,
                $"environment `{chosen}` has no `aws:` block; this command needs its region and {string.Join(", ", required.Select(Key))}")]);
        }

        var missing = required.Where(s => string.IsNullOrWhiteSpace(Value(aws, s))).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationException([.. missing.Select(s => new ConfigError(environment.Location,
                $"environment `{chosen}` has no `aws.{Key(s)}`; this command needs it"))]);
        }

        return new AwsEnvironment(environment, aws);
    }

    /// <summary>The YAML key of a setting, e.g. <c>artifacts_prefix</c>.</summary>
    public static string Key(Setting setting) => setting switch
    {
        Setting.ArtifactsPrefix => "artifacts_prefix",
        Setting.EmrApplicationId => "emr_application_id",
        Setting.JobRoleArn => "job_role_arn",
        Setting.ReleaseLabel => "release_label",
        Setting.LogUri => "log_uri",
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    private static string? Value(AwsSpec aws, Setting setting) => setting switch
    {
        Setting.ArtifactsPrefix => aws.ArtifactsPrefix,
        Setting.EmrApplicationId => aws.EmrApplicationId,
        Setting.JobRoleArn => aws.JobRoleArn,
        Setting.ReleaseLabel => aws.ReleaseLabel,
        Setting.LogUri => aws.LogUri,
        _ => null,
    };
}
