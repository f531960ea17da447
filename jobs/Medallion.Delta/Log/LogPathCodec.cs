using System.Text;
using System.Text.RegularExpressions;

namespace Medallion.Delta.Log;

/// <summary>
/// The log stores file paths as URI references: relative paths percent-encoded, absolute
/// paths as full URIs. <see cref="AddFile.Path"/> holds the decoded form.
/// </summary>
internal static partial class LogPathCodec
{
    /// <summary>True when <paramref name="path"/> starts with a URI scheme (<c>s3:</c>, <c>file:</c>, …).</summary>
    public static bool IsAbsoluteUri(string path) => SchemePattern().IsMatch(path);

    public static string Decode(string logPath) =>
        IsAbsoluteUri(logPath) ? logPath : Uri.UnescapeDataString(logPath);

    /// <summary>
    /// Percent-encodes every byte outside the URI unreserved set, keeping <c>/</c> (the
    /// separator) and <c>=</c> (hive directories stay readable). A literal <c>%</c> in a directory
    /// name (DuckDB and Spark escape partition values that way) becomes <c>%25</c>.
    /// </summary>
    public static string Encode(string path)
    {
        if (IsAbsoluteUri(path))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length);
        foreach (var value in Encoding.UTF8.GetBytes(path))
        {
            var character = (char)value;
            if (value < 0x80 && (char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' or '~' or '/' or '='))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append('%').Append(value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePattern();
}
