namespace Medallion.Samples;

/// <summary>One post as the REST API returns it (the fields the sample writes).</summary>
internal sealed record WordPressPost(
    long? Id,
    DateTime Date,
    DateTime Modified,
    string Slug,
    string Status,
    string Title,
    string Content,
    string Excerpt,
    long Author,
    long FeaturedMedia,
    bool CommentsOpen,
    bool Sticky,
    IReadOnlyList<int> Categories,
    IReadOnlyList<int> Tags)
{
    /// <summary>The site runs on UTC+1 all year (a simplification); <c>*_gmt</c> fields are UTC.</summary>
    public static readonly TimeSpan SiteOffset = TimeSpan.FromHours(1);

    public string Link => Status == "publish" && Id is not null
        ? FormattableString.Invariant($"{WordPressText.Site}/{Date:yyyy}/{Date:MM}/{Date:dd}/{Slug}/")
        : FormattableString.Invariant($"{WordPressText.Site}/?p={Id ?? 0}");
}
