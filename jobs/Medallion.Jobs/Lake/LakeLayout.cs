namespace Medallion.Jobs.Lake;

/// <summary>
/// Where each table lives below the lake root, as store-relative paths with forward slashes:
/// <code>
/// bronze/{dataset}/{table}/schema_v={v}/
/// silver/{dataset}/{table}/schema_v={v}/runs/run_key={k}/   (+ _run.json, _validation.json, _SUCCESS)
/// silver/{dataset}/{table}/schema_v={v}/current/
/// silver/{dataset}/{table}/_LATEST.json
/// quarantine/{dataset}/{table}/schema_v={v}/
/// </code>
/// Dataset and table names were checked by the config loader; run keys by <see cref="RunKey"/>.
/// </summary>
public sealed record LakeLayout(string Dataset, string Table, string SchemaVersion)
{
    /// <summary>
    /// The <c>add.tags</c> key that names the run a data file was written by. The engine tags what it
    /// writes and promotion tags what it copies into <c>current/</c>, so both read it from here.
    /// </summary>
    public const string RunKeyTag = "medallion.runKey";

    /// <summary>The version number in paths: <c>v1</c> is written <c>schema_v=1</c>.</summary>
    public string SchemaSegment => "schema_v=" + (SchemaVersion.StartsWith('v') ? SchemaVersion[1..] : SchemaVersion);

    public string Bronze => $"bronze/{Dataset}/{Table}/{SchemaSegment}";

    public string SilverRoot => $"silver/{Dataset}/{Table}";

    public string SilverRuns => $"{SilverRoot}/{SchemaSegment}/runs";

    public string SilverCurrent => $"{SilverRoot}/{SchemaSegment}/current";

    public string Latest => $"{SilverRoot}/_LATEST.json";

    public string Quarantine => $"quarantine/{Dataset}/{Table}/{SchemaSegment}";

    public string SilverRun(string runKey) => $"{SilverRuns}/run_key={RunKey.Validate(runKey)}";

    /// <summary>The run ledger of a run: <c>_run.json</c> in its staged folder.</summary>
    public string RunLedger(string runKey) => $"{SilverRun(runKey)}/_run.json";

    /// <summary>The validation report of a run: <c>_validation.json</c> in its staged folder.</summary>
    public string RunValidation(string runKey) => $"{SilverRun(runKey)}/_validation.json";

    /// <summary>The <c>txn</c> application id of promotions to <see cref="SilverCurrent"/>: <c>medallion/{dataset}/{table}</c>.</summary>
    public string PromotionAppId => $"medallion/{Dataset}/{Table}";

    /// <summary>Written last, only when the run completed.</summary>
    public string RunSuccess(string runKey) => $"{SilverRun(runKey)}/_SUCCESS";
}
