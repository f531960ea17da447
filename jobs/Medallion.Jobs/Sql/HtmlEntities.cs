namespace Medallion.Jobs.Sql;

/// <summary>The named HTML entities <c>decode_html</c> handles (numeric ones are decoded generically).</summary>
internal static class HtmlEntities
{
    /// <summary>Entity and its text, without <c>&amp;amp;</c>, which every dialect decodes last.</summary>
    public static IReadOnlyList<(string Entity, string Text)> Named { get; } =
    [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&nbsp;", "\u00A0"),
        ("&ndash;", "\u2013"),
        ("&mdash;", "\u2014"),
        ("&hellip;", "\u2026"),
        ("&rsquo;", "\u2019"),
        ("&lsquo;", "\u2018"),
        ("&rdquo;", "\u201D"),
        ("&ldquo;", "\u201C"),
    ];
}
