namespace Medallion.Samples;

/// <summary>
/// The words the WordPress sample is made of: a lender's blog. Titles and term names carry the
/// HTML entities WordPress emits (<c>&amp;amp; &amp;#8217; &amp;quot; &amp;lt; &amp;#39; &amp;nbsp;</c>)
/// so <c>decode_html</c> has real work to do.
/// </summary>
internal static class WordPressText
{
    public const string Site = "https://blog.example.com";

    /// <summary>Title templates; <c>{0}</c> is a subject.</summary>
    public static readonly string[] TitleTemplates =
    [
        "Why we&#8217;re talking about {0}",
        "How to think about {0}",
        "Q&amp;A: {0}",
        "&quot;Ask the expert&quot;: {0}",
        "Notes on {0}",
        "Don&#39;t panic about {0}",
        "Week&nbsp;in review: {0}",
        "{0} &lt;explained&gt;",
        "{0}",
        "Five things to know about {0}",
    ];

    /// <summary>Subjects with their slug stems (slugs are plain <c>[a-z0-9-]</c>).</summary>
    public static readonly (string Text, string Slug)[] Subjects =
    [
        ("fixed vs. variable rates", "fixed-vs-variable-rates"),
        ("paying off your mortgage early", "paying-off-your-mortgage-early"),
        ("first-time buyers", "first-time-buyers"),
        ("remortgaging in 2024", "remortgaging-in-2024"),
        ("interest-only loans", "interest-only-loans"),
        ("overpayments &amp; early repayment charges", "overpayments-and-early-repayment-charges"),
        ("our new savings account", "our-new-savings-account"),
        ("open banking", "open-banking"),
        ("the Bank of England&#8217;s base rate", "bank-of-england-base-rate"),
        ("buying with a partner", "buying-with-a-partner"),
        ("stamp duty &amp; fees", "stamp-duty-and-fees"),
        ("green mortgages", "green-mortgages"),
    ];

    public static readonly string[] Sentences =
    [
        "Rates moved again this month, and we&#8217;ve had plenty of questions.",
        "Here is what changes for existing customers &amp; what stays the same.",
        "Our advisers explain the trade-offs in plain language.",
        "If you&#39;re unsure, book a free call with the team.",
        "The short answer: it depends on how long you plan to stay.",
        "We&#8217;ve updated our calculator with the latest figures.",
        "Read the small print &mdash; early repayment charges can apply.",
        "Thanks to everyone who joined the webinar last week.",
    ];

    public static readonly string[] Statuses = ["publish", "draft", "private", "future", "pending"];

    public static readonly string[] BadStatuses = ["trash", "auto-draft"];

    /// <summary>Categories are term ids 1..8, tags 9..20; a term's taxonomy id equals its term id.</summary>
    public static readonly (string Name, string Slug, string Description)[] Categories =
    [
        ("Uncategorized", "uncategorized", ""),
        ("Mortgages &amp; Loans", "mortgages-loans", "Everything about borrowing &amp; repaying."),
        ("Savings &amp; Investments", "savings-investments", ""),
        ("Rates&nbsp;&amp; Fees", "rates-fees", "What it costs, and why."),
        ("Buyer&#8217;s Guides", "buyers-guides", "Step-by-step guides for buyers."),
        ("Company News", "company-news", ""),
        ("&quot;How-to&quot;", "how-to", ""),
        ("Tips &lt;&amp;&gt; Tricks", "tips-tricks", "Small things that save money."),
    ];

    public static readonly (string Name, string Slug)[] Tags =
    [
        ("first-time buyers", "first-time-buyers"),
        ("remortgage", "remortgage"),
        ("ISA", "isa"),
        ("interest rates", "interest-rates"),
        ("budgeting", "budgeting"),
        ("Bank of England", "bank-of-england"),
        ("open banking", "open-banking"),
        ("fixed rate", "fixed-rate"),
        ("variable rate", "variable-rate"),
        ("overpayments", "overpayments"),
        ("fees &amp; charges", "fees-charges"),
        ("Q&amp;A", "qa"),
    ];

    /// <summary>Pages that have view statistics but are not posts.</summary>
    public static readonly (long Id, string Title, string Slug)[] Pages =
    [
        (2, "About us", "about"),
        (5, "Contact &amp; support", "contact"),
        (7, "Privacy &amp; cookies", "privacy"),
    ];

    public static readonly (long Id, string Name, string Slug, string Description)[] Authors =
    [
        (1, "Anna de Vries", "anna", "Editor &amp; mortgage adviser."),
        (2, "James O&#8217;Neill", "james", "Writes about savings."),
        (3, "Priya Shah", "priya", "Data &amp; rates."),
    ];
}
