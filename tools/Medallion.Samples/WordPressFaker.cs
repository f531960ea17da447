using System.Globalization;

namespace Medallion.Samples;

/// <summary>
/// Makes posts for a lender's blog, published evenly from January 2023 to December 2024
/// (site time), and breaks or repeats them as <see cref="WordPressBadKind"/> says.
/// </summary>
internal sealed class WordPressFaker(long rows, SplitMix64 random)
{
    private static readonly DateTime Start = new(2023, 1, 2, 8, 0, 0, DateTimeKind.Unspecified);
    private static readonly long SpanSeconds = (long)(new DateTime(2024, 12, 31, 8, 0, 0, DateTimeKind.Unspecified) - Start).TotalSeconds;

    private long _lastId = 100;

    public WordPressPost Clean(long row)
    {
        _lastId += random.NextInt(1, 4);
        var step = Math.Max(1, SpanSeconds / Math.Max(1, rows));
        var date = Start.AddSeconds((long)((Int128)SpanSeconds * row / Math.Max(1, rows)) + random.NextLong(step));
        var modified = date.AddSeconds(3_600 + random.NextLong(30L * 24 * 3_600));
        var subject = random.Pick(WordPressText.Subjects);
        var title = string.Format(CultureInfo.InvariantCulture, random.Pick(WordPressText.TitleTemplates), subject.Text);
        title = char.ToUpperInvariant(title[0]) + title[1..];
        var first = random.Pick(WordPressText.Sentences);
        var content = $"<p>{first} {random.Pick(WordPressText.Sentences)}</p>\n<p>{random.Pick(WordPressText.Sentences)}</p>\n";
        return new WordPressPost(
            _lastId,
            date,
            modified,
            FormattableString.Invariant($"{subject.Slug}-{row + 1}"),
            Status(),
            title,
            content,
            $"<p>{first} [&hellip;]</p>\n",
            random.NextInt(1, WordPressText.Authors.Length + 1),
            random.NextLong(4) == 0 ? 0 : 9_000 + random.NextLong(1_000),
            random.NextLong(3) != 0,
            random.NextLong(50) == 0,
            Categories(),
            Tags());
    }

    public WordPressPost Break(WordPressPost clean, WordPressBadKind kind) => kind switch
    {
        WordPressBadKind.NullId => clean with { Id = null },
        WordPressBadKind.BadStatus => clean with { Status = random.Pick(WordPressText.BadStatuses) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Duplicates repeat earlier posts; use Repeat."),
    };

    /// <summary>The same post sent again, as an older revision or a later edit; <c>modified</c> always differs.</summary>
    public WordPressPost Repeat(WordPressPost original, WordPressBadKind kind) => kind switch
    {
        // Clean posts are modified at least an hour after publishing, so halfway is strictly older.
        WordPressBadKind.DuplicateOlder => original with
        {
            Modified = original.Date.AddSeconds((long)(original.Modified - original.Date).TotalSeconds / 2),
        },
        WordPressBadKind.DuplicateNewer => original with
        {
            Modified = original.Modified.AddSeconds(3_600 + random.NextLong(20L * 24 * 3_600)),
            Title = original.Title + " (updated)",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only duplicates repeat a post."),
    };

    private string Status()
    {
        var roll = random.NextLong(100);
        return roll switch
        {
            < 85 => "publish",
            < 91 => "draft",
            < 94 => "private",
            < 97 => "future",
            _ => "pending",
        };
    }

    private int[] Categories()
    {
        if (random.NextLong(20) == 0)
        {
            return [1];
        }

        var first = random.NextInt(2, 9);
        var second = random.NextInt(2, 9);
        return random.NextLong(3) == 0 && second != first ? [Math.Min(first, second), Math.Max(first, second)] : [first];
    }

    private int[] Tags()
    {
        var count = random.NextInt(0, 4);
        var tags = new SortedSet<int>();
        for (var i = 0; i < count; i++)
        {
            tags.Add(random.NextInt(9, 9 + WordPressText.Tags.Length));
        }

        return [.. tags];
    }
}
