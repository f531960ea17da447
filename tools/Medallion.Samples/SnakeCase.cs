using System.Text;

namespace Medallion.Samples;

/// <summary>Enum names as the snake_case keys of <c>_expected.json</c>.</summary>
internal static class SnakeCase
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
