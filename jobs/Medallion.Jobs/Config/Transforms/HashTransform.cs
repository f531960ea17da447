using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>hash: [customer_id, email]</c> — pseudonymises string columns: each value becomes the SHA-256
/// of its UTF-8 bytes as 64 lowercase hex digits, the same on DuckDB and Spark, so hashed columns
/// still join and count alike; nulls stay null.
/// </summary>
/// <remarks>
/// The hash is unsalted: a value from a small or guessable set (a customer number, an email) can be
/// found again by hashing every candidate. It keeps raw identifiers out of silver, not out of reach.
/// </remarks>
public sealed record HashTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "hash";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.Names(value, $"`{KindName}`") is { } columns ? new HashTransform(columns, at) : null;

    // Strings only: hashing another type would hash its text form, which the engines write differently
    // (decimals, timestamps); a `cast` to string first makes that choice visible.
    internal override void Trace(ColumnStep step) => step.RequireStrings(Columns);

    internal override void Render(TransformSql sql) => sql.Redefine(Columns, sql.Dialect.Sha256Hex);
}
