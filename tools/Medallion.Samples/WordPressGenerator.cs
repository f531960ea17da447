namespace Medallion.Samples;

/// <summary>
/// The <c>wordpress_api</c> sample: five configured tables shaped like the WordPress REST API
/// (posts, page statistics, terms, term taxonomy, term relationships) and one unconfigured
/// table (<c>users.json</c>). Only posts carry bad records; the other tables follow from them.
/// </summary>
internal static class WordPressGenerator
{
    public const string Dataset = "wordpress_api";
    private const int RecentPosts = 64;

    // The first bad post may come before any clean one, so the cycle starts with a kind that needs no history.
    private static readonly WordPressBadKind[] Cycle =
    [
        WordPressBadKind.NullId, WordPressBadKind.DuplicateOlder, WordPressBadKind.BadStatus,
        WordPressBadKind.DuplicateNewer, WordPressBadKind.DuplicateOlder, WordPressBadKind.BadStatus,
    ];

    public static SampleGenerationResult Write(SampleRequest request, CancellationToken cancellationToken)
    {
        var directory = request.OutputDirectory;
        var schedule = new BadRowSchedule<WordPressBadKind>(
            request.Rows, request.BadShare, Cycle, SplitMix64.ForStream(request.Seed, 11));
        var random = SplitMix64.ForStream(request.Seed, 12);
        var faker = new WordPressFaker(request.Rows, random);
        var counts = new long[Enum.GetValues<WordPressBadKind>().Length];
        var termCounts = new long[WordPressText.Categories.Length + WordPressText.Tags.Length + 1];
        var recent = new WordPressPost[RecentPosts];
        long recentCount = 0;

        using var posts = new JsonArrayFile(directory, "posts.json");
        using var statistics = new JsonArrayFile(directory, "statistics_pages.json");
        using var relationships = new JsonArrayFile(directory, "term_relationships.json");
        foreach (var page in WordPressText.Pages)
        {
            WordPressJson.WriteStatistic(
                statistics.Next(), page.Id, page.Title, $"{WordPressText.Site}/{page.Slug}/", random.NextLong(20_000), new DateTime(2024, 12, 31));
        }

        for (long row = 0; row < request.Rows; row++)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var post = faker.Clean(row);
            var kind = schedule.KindAt(row);
            var repeated = false;
            if (kind is WordPressBadKind.DuplicateOlder or WordPressBadKind.DuplicateNewer && recentCount > 0)
            {
                post = faker.Repeat(recent[random.NextLong(Math.Min(recentCount, RecentPosts))], kind.Value);
                repeated = true;
                counts[(int)kind.Value]++;
            }
            else if (kind is WordPressBadKind.NullId or WordPressBadKind.BadStatus)
            {
                post = faker.Break(post, kind.Value);
                counts[(int)kind.Value]++;
            }
            else
            {
                recent[recentCount++ % RecentPosts] = post;
                if (post.Status == "publish")
                {
                    var views = random.NextLong(10) == 0 ? random.NextLong(50_000) : random.NextLong(2_000);
                    WordPressJson.WriteStatistic(
                        statistics.Next(), post.Id!.Value, post.Title, post.Link, views, post.Date.Date.AddDays(random.NextLong(15)));
                }
            }

            WordPressJson.WritePost(posts.Next(), post);
            if (!repeated && post.Id is { } id)
            {
                foreach (var term in post.Categories.Concat(post.Tags))
                {
                    WordPressJson.WriteRelationship(relationships.Next(), id, term, 0);
                    termCounts[term]++;
                }
            }
        }

        posts.Commit();
        statistics.Commit();
        relationships.Commit();
        var (terms, taxonomy) = WriteTerms(directory, termCounts);
        WriteUsers(directory);

        var tables = new[]
        {
            ExpectPosts(posts, directory, request.Rows, counts),
            Clean("statistics_pages", statistics, directory, "not_null_id", "unique_id_date", "range_views"),
            Clean("terms", terms, directory, "not_null_term_id", "unique_term_id"),
            Clean("term_taxonomy", taxonomy, directory, "not_null_term_taxonomy_id", "unique_term_taxonomy_id", "accepted_values_taxonomy"),
            Clean("term_relationships", relationships, directory, "not_null_object_id", "not_null_term_taxonomy_id", "unique_object_id_term_taxonomy_id"),
        };
        return new SampleGenerationResult(Dataset, request.Rows, request.BadShare, request.Seed, request.Format, tables, ["users.json"]);
    }

    private static (JsonArrayFile Terms, JsonArrayFile Taxonomy) WriteTerms(string directory, long[] termCounts)
    {
        using var terms = new JsonArrayFile(directory, "terms.json");
        using var taxonomy = new JsonArrayFile(directory, "term_taxonomy.json");
        var termId = 0;
        foreach (var (name, slug, description) in WordPressText.Categories)
        {
            termId++;
            WordPressJson.WriteTerm(terms.Next(), termId, name, slug);
            // Savings (3) and Rates & Fees (4) sit under Mortgages & Loans (2), as sub-categories do.
            WordPressJson.WriteTaxonomy(taxonomy.Next(), termId, "category", description, termId is 3 or 4 ? 2 : 0, termCounts[termId]);
        }

        foreach (var (name, slug) in WordPressText.Tags)
        {
            termId++;
            WordPressJson.WriteTerm(terms.Next(), termId, name, slug);
            WordPressJson.WriteTaxonomy(taxonomy.Next(), termId, "post_tag", string.Empty, 0, termCounts[termId]);
        }

        terms.Commit();
        taxonomy.Commit();
        return (terms, taxonomy);
    }

    private static void WriteUsers(string directory)
    {
        using var users = new JsonArrayFile(directory, "users.json");
        foreach (var (id, name, slug, description) in WordPressText.Authors)
        {
            WordPressJson.WriteUser(users.Next(), id, name, slug, description);
        }

        users.Commit();
    }

    /// <summary>What the committed <c>wordpress_api.yaml</c> must report for posts.</summary>
    /// <remarks>
    /// Assumes <c>deduplicate</c> leaves null keys alone (as <c>unique</c> does), so every null-id
    /// post reaches the rules and is quarantined by <c>not_null_id</c>.
    /// </remarks>
    private static SampleTableResult ExpectPosts(JsonArrayFile posts, string directory, long rows, long[] counts)
    {
        long Count(WordPressBadKind kind) => counts[(int)kind];
        var duplicates = Count(WordPressBadKind.DuplicateOlder) + Count(WordPressBadKind.DuplicateNewer);
        var quarantined = Count(WordPressBadKind.NullId) + Count(WordPressBadKind.BadStatus);
        var ruleFailures = new Dictionary<string, long>
        {
            ["not_null_id"] = Count(WordPressBadKind.NullId),
            ["unique_id"] = 0,
            ["accepted_values_status"] = Count(WordPressBadKind.BadStatus),
        };
        return new SampleTableResult(
            "posts", posts.FileName, SampleFile.Length(directory, posts.FileName),
            Enum.GetValues<WordPressBadKind>().ToDictionary(SnakeCase.Of, Count),
            RowsRead: rows,
            SilverRows: rows - duplicates - quarantined,
            QuarantinedRows: quarantined,
            DuplicatesRemoved: duplicates,
            FilteredRows: 0,
            ruleFailures,
            RowsWithMultipleFailures: 0);
    }

    private static SampleTableResult Clean(string table, JsonArrayFile file, string directory, params string[] rules) => new(
        table, file.FileName, SampleFile.Length(directory, file.FileName),
        new Dictionary<string, long>(),
        RowsRead: file.Count,
        SilverRows: file.Count,
        QuarantinedRows: 0,
        DuplicatesRemoved: 0,
        FilteredRows: 0,
        rules.ToDictionary(r => r, _ => 0L),
        RowsWithMultipleFailures: 0);
}
