namespace Medallion.Jobs.Sql;

/// <summary>HTML decoding with built-in functions only.</summary>
internal sealed partial class SparkDialect
{
    private const string DecimalEntity = "^[0-9]{1,7};";
    private const string DecimalDigits = "^([0-9]{1,7});";
    private const string HexEntity = "^[xX][0-9a-fA-F]{1,6};";
    private const string HexDigits = "^[xX]([0-9a-fA-F]{1,6});";

    /// <summary>
    /// The same decoding as DuckDB's: named entities, then numeric ones, then <c>&amp;amp;</c> last
    /// so that <c>&amp;amp;lt;</c> decodes once. Spark's <c>chr</c> only knows code points below 256,
    /// so a code point becomes text as four UTF-32 bytes: <c>decode(unhex(lpad(hex, 8, '0')), 'UTF-32')</c>
    /// (big-endian without a byte-order mark; a charset both Spark 3.5 and 4 accept).
    /// </summary>
    public string DecodeHtml(string expression)
    {
        var named = expression;
        foreach (var (entity, text) in HtmlEntities.Named)
        {
            named = ReplaceLiteral(named, entity, text);
        }

        // split() takes a Java regex; "&#" has no special characters in one. It keeps a leading
        // empty piece, and transform's index starts at 0, so piece 0 is the text before any "&#".
        var decimalCode = $"CAST(regexp_extract(piece, '{DecimalDigits}', 1) AS INT)";
        var hexDigits = $"regexp_extract(piece, '{HexDigits}', 1)";
        var hexCode = $"CAST(conv({hexDigits}, 16, 10) AS INT)";
        var numeric =
            $"array_join(transform(split({named}, '&#'), (piece, i) -> CASE " +
            "WHEN i = 0 THEN piece " +
            $"WHEN piece RLIKE '{DecimalEntity}' AND {HtmlEntities.DecodableCodePoint(decimalCode)} " +
            $"THEN concat({CodePointText($"hex({decimalCode})")}, regexp_replace(piece, '{DecimalEntity}', '')) " +
            $"WHEN piece RLIKE '{HexEntity}' AND {HtmlEntities.DecodableCodePoint(hexCode)} " +
            $"THEN concat({CodePointText(hexDigits)}, regexp_replace(piece, '{HexEntity}', '')) " +
            "ELSE concat('&#', piece) END), '')";
        return ReplaceLiteral(numeric, "&amp;", "&");
    }

    private static string CodePointText(string hex) => $"decode(unhex(lpad({hex}, 8, '0')), 'UTF-32')";
}
