using Medallion.Jobs.Config;

namespace Medallion.Jobs.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public void LoadSettings_NoPipelineBlock_DefaultsEveryGuard()
    {
        var path = _files.WriteSettings("""
            environments:
              prod: { lake_root: s3://acme-lake/medallion, raw_root: s3://acme-raw/landing, aws: { region: eu-west-1 } }
            """);

        var sut = ConfigLoader.LoadSettings(path).Environments["prod"].Aws!;

        Assert.Equal(PipelineSpec.Default, sut.Pipeline);
        Assert.Equal((240, 240, 60, 1, 15, "ERROR"), (sut.Pipeline.BronzeTimeoutMinutes, sut.Pipeline.SilverTimeoutMinutes, sut.Pipeline.PromoteTimeoutMinutes, sut.Pipeline.JobRetries, sut.Pipeline.IdleTimeoutMinutes, sut.Pipeline.LogLevel));
        Assert.Null(sut.KmsKeyArn);
    }

    [Fact]
    public void LoadSettings_PipelineBlockAndKmsKey_AreRead()
    {
        var path = _files.WriteSettings("""
            environments:
              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: s3://acme-raw/landing
                aws:
                  region: eu-west-1
                  kms_key_arn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
                  pipeline:
                    bronze_timeout_minutes: 90
                    silver_timeout_minutes: 120
                    promote_timeout_minutes: 20
                    job_retries: 2
                    max_vcpu: 64
                    max_memory_gb: 256
                    max_disk_gb: 1000
                    idle_timeout_minutes: 5
                    log_level: ALL
                    log_retention_days: 30
                    notify_success: true
                    athena_scan_limit_gb: 10
                    analyst_policy: true
            """);

        var sut = ConfigLoader.LoadSettings(path).Environments["prod"].Aws!;

        Assert.Equal(new PipelineSpec(90, 120, 20, 2, 64, 256, 1000, 5, "ALL", 30, NotifySuccess: true, 10, AnalystPolicy: true), sut.Pipeline);
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", sut.KmsKeyArn);
    }

    [Fact]
    public void LoadSettings_BadPipelineValues_NameEachWithItsPlace()
    {
        var errors = _files.SettingsErrors("""
            environments:
              prod:
                lake_root: s3://acme-lake/medallion
                raw_root: s3://acme-raw/landing
                aws:
                  region: eu-west-1
                  kms_key_arn: alias/medallion
                  pipeline:
                    job_retries: 7
                    log_level: DEBUG
                    log_retention_days: 10
                    notify: true
            """);

        Assert.Equal(5, errors.Count);
        ErrorAssert.At(errors.Single(e => e.Message.Contains("`kms_key_arn` must", StringComparison.Ordinal)), 7, 20, "must be a KMS key ARN", "found `alias/medallion`");
        ErrorAssert.At(errors.Single(e => e.Message.Contains("unknown key", StringComparison.Ordinal)), 12, 9, "unknown key `notify` in `aws.pipeline` of environment `prod`");
        ErrorAssert.At(errors.Single(e => e.Message.Contains("`job_retries` must", StringComparison.Ordinal)), 9, 22, "between 0 and 3");
        ErrorAssert.At(errors.Single(e => e.Message.Contains("`log_level` must", StringComparison.Ordinal)), 10, 20, "ALL, ERROR, FATAL, OFF", "found `DEBUG`");
        ErrorAssert.At(errors.Single(e => e.Message.Contains("`log_retention_days` must", StringComparison.Ordinal)), 11, 29, "CloudWatch Logs retention", "found `10`");
    }
}
