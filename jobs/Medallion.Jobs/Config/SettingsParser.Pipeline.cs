using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config;

/// <summary>The <c>aws.pipeline</c> block and <c>aws.kms_key_arn</c>: what the deployment and submit read beyond the AWS basics.</summary>
internal sealed partial class SettingsParser
{
    private static readonly string[] PipelineKeys =
    [
        "bronze_timeout_minutes", "silver_timeout_minutes", "promote_timeout_minutes", "job_retries",
        "max_vcpu", "max_memory_gb", "max_disk_gb", "idle_timeout_minutes",
        "log_level", "log_retention_days", "notify_success", "athena_scan_limit_gb", "analyst_policy", "event_run_limit",
    ];

    private PipelineSpec ParsePipeline(Dictionary<string, YamlNode> aws, string environment)
    {
        var what = $"`aws.pipeline` of {environment}";
        if (ConfigReader.Optional(aws, "pipeline") is not { } node || _reader.Mapping(node, what) is not { } map)
        {
            return PipelineSpec.Default;
        }

        var values = _reader.Keys(map, what, PipelineKeys);
        var spec = PipelineSpec.Default;
        int Whole(string key, int fallback, int min, int max) =>
            ConfigReader.Optional(values, key) is { } value && _reader.Long(value, $"`{key}`", min, max) is { } number ? (int)number : fallback;
        bool Flag(string key, bool fallback) =>
            ConfigReader.Optional(values, key) is { } value && _reader.Bool(value, $"`{key}`") is { } flag ? flag : fallback;

        // EMR Serverless accepts job timeouts and idle timeouts of up to a week (10080 minutes).
        spec = spec with
        {
            BronzeTimeoutMinutes = Whole("bronze_timeout_minutes", spec.BronzeTimeoutMinutes, 1, 10080),
            SilverTimeoutMinutes = Whole("silver_timeout_minutes", spec.SilverTimeoutMinutes, 1, 10080),
            PromoteTimeoutMinutes = Whole("promote_timeout_minutes", spec.PromoteTimeoutMinutes, 1, 10080),
            JobRetries = Whole("job_retries", spec.JobRetries, 0, 3),
            MaxVcpu = Whole("max_vcpu", spec.MaxVcpu, 1, 100_000),
            MaxMemoryGb = Whole("max_memory_gb", spec.MaxMemoryGb, 1, 1_000_000),
            MaxDiskGb = Whole("max_disk_gb", spec.MaxDiskGb, 1, 10_000_000),
            IdleTimeoutMinutes = Whole("idle_timeout_minutes", spec.IdleTimeoutMinutes, 1, 10080),
            NotifySuccess = Flag("notify_success", spec.NotifySuccess),
            AthenaScanLimitGb = Whole("athena_scan_limit_gb", spec.AthenaScanLimitGb, 1, 1_000_000),
            AnalystPolicy = Flag("analyst_policy", spec.AnalystPolicy),
            // Step Functions' ListExecutions returns at most 1000 executions a page; the guard reads one page.
            EventRunLimit = Whole("event_run_limit", spec.EventRunLimit, 1, 999),
        };

        if (ConfigReader.Optional(values, "log_level") is { } levelNode && _reader.String(levelNode, "`log_level`") is { } level)
        {
            if (PipelineSpec.LogLevels.Contains(level, StringComparer.Ordinal))
            {
                spec = spec with { LogLevel = level };
            }
            else
            {
                _reader.Error(levelNode, $"`log_level` must be one of {string.Join(", ", PipelineSpec.LogLevels)}, found `{level}`");
            }
        }

        if (ConfigReader.Optional(values, "log_retention_days") is { } retentionNode && _reader.Long(retentionNode, "`log_retention_days`", 1) is { } days)
        {
            if (PipelineSpec.RetentionDays.Contains((int)Math.Min(days, int.MaxValue)))
            {
                spec = spec with { LogRetentionDays = (int)days };
            }
            else
            {
                _reader.Error(retentionNode, $"`log_retention_days` must be a CloudWatch Logs retention ({string.Join(", ", PipelineSpec.RetentionDays)}), found `{days}`");
            }
        }

        return spec;
    }

    /// <summary>A KMS key ARN (not an alias: IAM grants on a key, and an alias would let the key behind it change unseen).</summary>
    private string? KmsKeyArn(Dictionary<string, YamlNode> values)
    {
        var arn = OptionalString(values, "kms_key_arn");
        if (arn is not null && !KmsKey().IsMatch(arn))
        {
            _reader.Error(values["kms_key_arn"], $"`kms_key_arn` must be a KMS key ARN such as arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, found `{arn}`");
        }

        return arn;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+\z")]
    private static partial Regex KmsKey();
}
