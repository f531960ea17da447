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

    /// <summary>
    /// SQL that is true when <paramref name="codePoint"/> is a Unicode scalar value an entity may
    /// name: 1 to 0x10FFFF without the UTF-16 surrogates, which are not characters on their own.
    /// </summary>
    public static string DecodableCodePoint(string codePoint) =>
        $"({codePoint} BETWEEN 1 AND 1114111 AND NOT ({codePoint} BETWEEN 55296 AND 57343))";
}
