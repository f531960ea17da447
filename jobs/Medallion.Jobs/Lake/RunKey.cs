using System.Text.RegularExpressions;

namespace Medallion.Jobs.Lake;

/// <summary>
/// Run keys name one attempt at one batch. They reach paths (<c>run_key=K</c>) and SQL literals,
/// so they are checked against a strict character set before anything touches either.
/// </summary>
public static partial class RunKey
{
    /// <summary>The rule, for messages: 1 to 80 of <c>[A-Za-z0-9_.-]</c>, not <c>.</c> or <c>..</c>.</summary>
    public const string Rule = "1 to 80 characters from [A-Za-z0-9_.-], and not '.' or '..'";

    public static bool IsValid(string? key) =>
        key is not null && KeyPattern().IsMatch(key) && key is not "." and not "..";

    /// <exception cref="ArgumentException">The key breaks <see cref="Rule"/>.</exception>
    public static string Validate(string key) => IsValid(key)
        ? key
        : throw new ArgumentException($"Run key '{key}' is not allowed: use {Rule}.", nameof(key));

    /// <summary>A new key: <c>yyyyMMddTHHmmssZ-</c> and 6 random lowercase base32 characters.</summary>
    public static string Generate(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> random = stackalloc byte[6];
        System.Security.Cryptography.RandomNumberGenerator.Fill(random);
        var suffix = string.Create(6, random.ToArray(), (chars, bytes) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[bytes[i] % 32];
            }
        });
        return clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + suffix;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,80}$")]
    private static partial Regex KeyPattern();
}
