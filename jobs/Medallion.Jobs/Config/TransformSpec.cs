namespace Medallion.Jobs.Config;

/// <summary>A silver transform. Every kind renders to SQL; none runs per-row .NET code.</summary>
public abstract record TransformSpec(SourceLocation Location)
{
    /// <summary>The YAML key that names this kind, e.g. <c>split_date</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>drop: [a, b]</c> — removes columns.</summary>
public sealed record DropTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "drop";
}

/// <summary><c>rename: { old_name: new_name }</c> — renames columns, in the order written.</summary>
public sealed record RenameTransform(IReadOnlyList<ColumnRename> Renames, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "rename";
}

public sealed record ColumnRename(string From, string To);

/// <summary>
/// <c>cast: { amount: decimal(18,2) }</c> — retypes columns. A non-null value that does not
/// cast becomes a failure of the implicit rule <c>cast_&lt;column&gt;</c> (severity quarantine),
/// never an engine error.
/// </summary>
public sealed record CastTransform(IReadOnlyList<ColumnCast> Casts, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "cast";
}

public sealed record ColumnCast(string Column, ColumnType Type);

/// <summary>The parts <c>split_date</c> can produce.</summary>
public enum DatePart
{
    Year,
    Month,
    Day,
}

/// <summary>
/// <c>split_date: { column: date, prefix: date, parts: [year, month, day] }</c> — adds int columns
/// <c>{prefix}_year</c>, <c>{prefix}_month</c>, <c>{prefix}_day</c> from a date or timestamp column
/// (UTC). Prefix defaults to the column name; parts default to all three.
/// </summary>
public sealed record SplitDateTransform(string Column, string Prefix, IReadOnlyList<DatePart> Parts, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "split_date";

    public string OutputColumn(DatePart part) => $"{Prefix}_{part.ToString().ToLowerInvariant()}";
}

/// <summary>
/// <c>decode_html: [title, name]</c> — decodes HTML entities in string columns: named
/// <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#39; &amp;apos; &amp;nbsp;</c> and numeric <c>&amp;#NNN;</c> / <c>&amp;#xHH;</c>.
/// </summary>
public sealed record DecodeHtmlTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "decode_html";
}

/// <summary><c>replace: { columns: [a], find: "x", with: "y" }</c> — literal find/replace (not a regex).</summary>
public sealed record ReplaceTransform(IReadOnlyList<string> Columns, string Find, string With, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "replace";
}

/// <summary><c>trim: [a, b]</c> — removes leading and trailing white space.</summary>
public sealed record TrimTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "trim";
}

/// <summary><c>empty_to_null: [a, b]</c> — turns empty strings into nulls.</summary>
public sealed record EmptyToNullTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "empty_to_null";
}

/// <summary>
/// <c>derive: { column: c, type: long, expression: "a + b" }</c> — adds (or replaces) a column
/// computed by a SQL expression written in the portable subset both engines accept.
/// </summary>
public sealed record DeriveTransform(string Column, ColumnType Type, string Expression, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "derive";
}

/// <summary><c>filter: "status = 'publish'"</c> — keeps rows where the SQL condition is true; others are counted as filtered.</summary>
public sealed record FilterTransform(string Condition, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "filter";
}

/// <summary>
/// <c>deduplicate: { key: [id], order_by: modified }</c> — keeps one row per key, the latest by
/// <c>order_by</c> (descending unless <c>keep: first</c>); the others are counted as duplicates removed.
/// </summary>
public sealed record DeduplicateTransform(IReadOnlyList<string> Key, string OrderBy, bool KeepLatest, SourceLocation Location) : TransformSpec(Location)
{
    public override string Kind => "deduplicate";
}
