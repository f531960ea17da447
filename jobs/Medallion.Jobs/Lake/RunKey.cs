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

    /// <summary>
    /// The EMR Serverless <c>clientToken</c> (1 to 64 of <c>[A-Za-z0-9._-]</c>) for one job of a run:
    /// the same key and scope always give the same token, so a retried <c>StartJobRun</c> is
    /// recognised by EMR instead of starting a second job.
    /// </summary>
    /// <param name="runKey">A valid run key.</param>
    /// <param name="scope">What the job does within the run, e.g. <c>orders.silver</c> (same character set), or null.</param>
    /// <remarks>
    /// Short tokens are the key (and scope) as written, which keeps them readable in the EMR console;
    /// longer ones keep a 47-character prefix and add 16 hex characters of the SHA-256 of the whole text.
    /// </remarks>
    /// <exception cref="ArgumentException">The key or the scope breaks <see cref="Rule"/>.</exception>
    public static string ClientToken(string runKey, string? scope = null)
    {
        Validate(runKey);
        if (scope is not null && !IsValid(scope))
        {
            throw new ArgumentException($"Client token scope '{scope}' is not allowed: use {Rule}.", nameof(scope));
        }

        const int MaxLength = 64;
        var text = scope is null ? runKey : $"{runKey}.{scope}";
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return text[..(MaxLength - 17)] + "-" + Convert.ToHexStringLower(hash)[..16];
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,80}$")]
    private static partial Regex KeyPattern();
}
