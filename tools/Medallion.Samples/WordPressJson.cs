using System.Globalization;

namespace Medallion.Samples;

/// <summary>Writes WordPress records as the REST API shapes them, one JSON object each.</summary>
internal static class WordPressJson
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static void WritePost(TextWriter writer, WordPressPost post)
    {
        var json = JsonLine.Begin(writer);
        json.Number("id", post.Id);
        json.String("date", Format(post.Date));
        json.String("date_gmt", Format(post.Date - WordPressPost.SiteOffset));
        json.Rendered("guid", FormattableString.Invariant($"{WordPressText.Site}/?p={post.Id ?? 0}"));
        json.String("modified", Format(post.Modified));
        json.String("modified_gmt", Format(post.Modified - WordPressPost.SiteOffset));
        json.String("slug", post.Slug);
        json.String("status", post.Status);
        json.String("type", "post");
        json.String("link", post.Link);
        json.Rendered("title", post.Title);
        json.Rendered("content", post.Content, ",\"protected\":false");
        json.Rendered("excerpt", post.Excerpt, ",\"protected\":false");
        json.Number("author", post.Author);
        json.Number("featured_media", post.FeaturedMedia);
        json.String("comment_status", post.CommentsOpen ? "open" : "closed");
        json.String("ping_status", post.CommentsOpen ? "open" : "closed");
        json.Boolean("sticky", post.Sticky);
        json.String("template", string.Empty);
        json.String("format", "standard");
        json.Raw("meta", "[]");
        json.Raw("categories", IdArray(post.Categories));
        json.Raw("tags", IdArray(post.Tags));
        json.Raw("_links", FormattableString.Invariant(
            $"{{\"self\":[{{\"href\":\"{WordPressText.Site}/wp-json/wp/v2/posts/{post.Id ?? 0}\"}}]}}"));
        json.End();
    }

    public static void WriteStatistic(TextWriter writer, long id, string title, string url, long views, DateTime day)
    {
        var json = JsonLine.Begin(writer);
        json.Number("id", id);
        json.String("title", title);
        json.String("url", url);
        json.Number("views", views);
        json.String("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.End();
    }

    public static void WriteRelationship(TextWriter writer, long objectId, int termTaxonomyId, int order)
    {
        var json = JsonLine.Begin(writer);
        json.Number("object_id", objectId);
        json.Number("term_taxonomy_id", termTaxonomyId);
        json.Number("term_order", order);
        json.End();
    }

    public static void WriteTerm(TextWriter writer, int termId, string name, string slug)
    {
        var json = JsonLine.Begin(writer);
        json.Number("term_id", termId);
        json.String("name", name);
        json.String("slug", slug);
        json.Number("term_group", 0);
        json.End();
    }

    public static void WriteTaxonomy(TextWriter writer, int termId, string taxonomy, string description, int parent, long count)
    {
        var json = JsonLine.Begin(writer);
        json.Number("term_taxonomy_id", termId);
        json.Number("term_id", termId);
        json.String("taxonomy", taxonomy);
        json.String("description", description);
        json.Number("parent", parent);
        json.Number("count", count);
        json.End();
    }

    public static void WriteUser(TextWriter writer, long id, string name, string slug, string description)
    {
        var json = JsonLine.Begin(writer);
        json.Number("id", id);
        json.String("name", name);
        json.String("url", string.Empty);
        json.String("description", description);
        json.String("link", FormattableString.Invariant($"{WordPressText.Site}/author/{slug}/"));
        json.String("slug", slug);
        json.Raw("avatar_urls", FormattableString.Invariant(
            $"{{\"48\":\"https://secure.gravatar.com/avatar/{slug}?s=48&d=mm&r=g\"}}"));
        json.End();
    }

    private static string Format(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string IdArray(IReadOnlyList<int> ids) =>
        "[" + string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
}
