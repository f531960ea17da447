using Medallion.Jobs.Sql;
using YamlDotNet.RepresentationModel;

namespace Medallion.Jobs.Config.Transforms;

/// <summary>
/// <c>decode_html: [title, name]</c> — decodes HTML entities in string columns: named
/// <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#39; &amp;apos; &amp;nbsp;</c> and numeric <c>&amp;#NNN;</c> / <c>&amp;#xHH;</c>.
/// </summary>
public sealed record DecodeHtmlTransform(IReadOnlyList<string> Columns, SourceLocation Location) : TransformSpec(Location), ITransformKind
{
    public static string KindName => "decode_html";

    public override string Kind => KindName;

    static TransformSpec? ITransformKind.Parse(ConfigReader reader, YamlNode value, SourceLocation at) =>
        reader.Names(value, $"`{KindName}`") is { } columns ? new DecodeHtmlTransform(columns, at) : null;

    internal override void Trace(ColumnStep step) => step.RequireStrings(Columns);

    internal override void Render(TransformSql sql) => sql.Redefine(Columns, sql.Dialect.DecodeHtml);
}
