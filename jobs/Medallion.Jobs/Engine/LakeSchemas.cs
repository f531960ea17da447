using Medallion.Delta;
using Medallion.Delta.Schema;
using Medallion.Jobs.Config;
using Medallion.Jobs.Plan;

namespace Medallion.Jobs.Engine;

/// <summary>The Delta schemas of a table's bronze, silver and quarantine tables.</summary>
public static class LakeSchemas
{
    public static IReadOnlyList<string> BronzePartitions { get; } = [LineageColumns.IngestDate];

    public static IReadOnlyList<string> QuarantinePartitions { get; } = [LineageColumns.RunKey];

    /// <summary>The one bronze partition a run writes.</summary>
    /// <param name="ingestDate">The run's start date, <c>yyyy-MM-dd</c>.</param>
    public static IReadOnlyDictionary<string, string> BronzePartition(string ingestDate) =>
        new Dictionary<string, string> { [LineageColumns.IngestDate] = ingestDate };

    /// <summary>The one quarantine partition a run writes.</summary>
    public static IReadOnlyDictionary<string, string> QuarantinePartition(string runKey) =>
        new Dictionary<string, string> { [LineageColumns.RunKey] = runKey };

    /// <summary>Declared columns, then why a record is malformed, its lineage, and the ingest date.</summary>
    public static DeltaSchema Bronze(TablePlan plan) => Schema(
        plan.BronzeColumns.Select(c => Field(c.Name, c.Type)).Concat(
        [
            Field(LineageColumns.Malformed, ColumnType.String),
            Field(LineageColumns.Raw, ColumnType.String),
            Field(LineageColumns.RunKey, ColumnType.String),
            Field(LineageColumns.SourceFile, ColumnType.String),
            Field(LineageColumns.IngestedAt, ColumnType.Timestamp),
            Field(LineageColumns.RecordNumber, ColumnType.Long),
            Field(LineageColumns.IngestDate, ColumnType.Date),
        ]));

    /// <summary>Silver data columns, then their lineage, then the warn rules each row broke.</summary>
    /// <remarks><c>_warnings</c> is last: a table written before it existed gains it as an added column (see docs/configuration.md, "Schema changes").</remarks>
    public static DeltaSchema Silver(TablePlan plan) => Schema(
        plan.SilverColumns.Select(c => Field(c.Name, c.Type)).Concat(
        [
            Field(LineageColumns.RunKey, ColumnType.String),
            Field(LineageColumns.SourceFile, ColumnType.String),
            Field(LineageColumns.IngestedAt, ColumnType.Timestamp),
            StringArray(LineageColumns.Warnings),
        ]));

    /// <summary>The original bronze values, the broken rules, and lineage; partitioned by run key.</summary>
    public static DeltaSchema Quarantine(TablePlan plan) => Schema(
        plan.BronzeColumns.Select(c => Field(c.Name, c.Type)).Concat(
        [
            StringArray(LineageColumns.RuleFailures),
            Field(LineageColumns.Malformed, ColumnType.String),
            Field(LineageColumns.Raw, ColumnType.String),
            Field(LineageColumns.SourceFile, ColumnType.String),
            Field(LineageColumns.RecordNumber, ColumnType.Long),
            Field(LineageColumns.IngestedAt, ColumnType.Timestamp),
            Field(LineageColumns.RunKey, ColumnType.String),
        ]));

    public static DeltaType ToDelta(ColumnType type) => type.Kind switch
    {
        ColumnKind.String => DeltaPrimitiveType.String,
        ColumnKind.Int => DeltaPrimitiveType.Integer,
        ColumnKind.Long => DeltaPrimitiveType.Long,
        ColumnKind.Double => DeltaPrimitiveType.Double,
        ColumnKind.Decimal => new DeltaDecimalType(type.Precision, type.Scale),
        ColumnKind.Boolean => DeltaPrimitiveType.Boolean,
        ColumnKind.Date => DeltaPrimitiveType.Date,
        ColumnKind.Timestamp => DeltaPrimitiveType.Timestamp,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    private static DeltaField Field(string name, ColumnType type) => new(name, ToDelta(type), Nullable: true);

    private static DeltaField StringArray(string name) => new(name, new DeltaArrayType(DeltaPrimitiveType.String, containsNull: true), Nullable: true);

    private static DeltaSchema Schema(IEnumerable<DeltaField> fields) => new(fields.ToList());
}
