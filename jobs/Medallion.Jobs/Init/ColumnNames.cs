using System.Text;

namespace Medallion.Jobs.Init;

/// <summary>
/// Turns source field names into column names the loader accepts (<c>^[A-Za-z_][A-Za-z0-9_]{0,127}$</c>,
/// not starting with <c>_</c>, unique ignoring case): snake_case, nested paths joined with <c>_</c>.
/// </summary>
internal static class ColumnNames
{
    private const int MaxLength = 128;

    public static IReadOnlyList<string> For(IReadOnlyList<string> fields)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var field in fields)
        {
            var name = SnakeCase(field);
            if (name.Length == 0)
            {
                name = $"column_{names.Count + 1}";
            }
            else if (char.IsAsciiDigit(name[0]))
            {
                name = "c_" + name;
            }

            name = name.Length > MaxLength ? name[..MaxLength] : name;
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                var suffix = $"_{n}";
                unique = (name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)] : name) + suffix;
            }

            names.Add(unique);
        }

        return names;
    }

    /// <summary><c>Customer ID</c> → <c>customer_id</c>, <c>title.rendered</c> → <c>title_rendered</c>, <c>orderDate</c> → <c>order_date</c>.</summary>
    public static string SnakeCase(string field)
    {
        var builder = new StringBuilder(field.Length + 8);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                var wordBreak = char.IsAsciiLetterUpper(c) && i > 0
                    && (char.IsAsciiLetterLower(field[i - 1]) || char.IsAsciiDigit(field[i - 1])
                        || (char.IsAsciiLetterUpper(field[i - 1]) && i + 1 < field.Length && char.IsAsciiLetterLower(field[i + 1])));
                if (wordBreak && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().Trim('_');
    }
}
