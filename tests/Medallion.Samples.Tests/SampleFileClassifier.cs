using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Medallion.Samples.Tests;

/// <summary>
/// Counts bad records by kind straight from the written files, with parsing simple enough to
/// trust, so the generator's own counts are checked against something it did not compute.
/// </summary>
internal static partial class SampleFileClassifier
{
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private static readonly string[] Statuses = ["publish", "draft", "private", "future", "pending"];

    public static (long Rows, Dictionary<string, long> Kinds) ClassifyCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("transaction_id,customer_id,transaction_amount,currency,transaction_timestamp", lines[0]);
        var records = lines.Skip(1).Select(SplitCsv).ToList();
        return (records.Count, Classify(records));
    }

    public static (long Rows, Dictionary<string, long> Kinds) ClassifyNdjson(string path)
    {
        var records = new List<string?[]>();
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                records.Add(
                [
                    root.GetProperty("transaction_id").GetString(),
                    root.GetProperty("customer_id").GetString(),
                    root.GetProperty("transaction_amount").GetString(),
                    root.GetProperty("currency").GetString(),
                    root.GetProperty("transaction_timestamp").GetString(),
                ]);
            }
            catch (JsonException)
            {
                records.Add([]);
            }
        }

        return (records.Count, Classify(records));
    }

    public static Dictionary<string, long> ClassifyPosts(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var kinds = new Dictionary<string, long>();
        var modifiedById = new Dictionary<long, string>();
        foreach (var post in document.RootElement.EnumerateArray())
        {
            var status = post.GetProperty("status").GetString()!;
            var modified = post.GetProperty("modified").GetString()!;
            if (post.GetProperty("id").ValueKind == JsonValueKind.Null)
            {
                Add(kinds, "null_id");
            }
            else if (!Statuses.Contains(status))
            {
                Add(kinds, "bad_status");
            }
            else if (modifiedById.TryGetValue(post.GetProperty("id").GetInt64(), out var earlier))
            {
                Assert.NotEqual(earlier, modified);
                Add(kinds, string.CompareOrdinal(modified, earlier) < 0 ? "duplicate_older" : "duplicate_newer");
            }
            else
            {
                modifiedById[post.GetProperty("id").GetInt64()] = modified;
            }
        }

        return kinds;
    }

    private static Dictionary<string, long> Classify(List<string?[]> records)
    {
        var kinds = new Dictionary<string, long>();
        var seen = new HashSet<string>();
        foreach (var fields in records)
        {
            if (fields.Length != 5)
            {
                Add(kinds, "malformed");
                continue;
            }

            var id = string.IsNullOrWhiteSpace(fields[0]) ? null : fields[0]!.Trim();
            var badAmount = !AmountPattern().IsMatch(fields[2]!);
            var badTimestamp = !DateTime.TryParseExact(
                fields[4], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            var badCurrency = !Currencies.Contains(fields[3]!.Trim());
            var duplicate = id is not null && !seen.Add(id);
            var kind = (id, badAmount, badTimestamp, badCurrency, duplicate) switch
            {
                (null, false, false, false, _) => "null_id",
                (_, true, false, false, false) => "bad_amount",
                (_, false, true, false, false) => "bad_timestamp",
                (_, false, false, true, false) => "bad_currency",
                (_, true, false, true, false) => "bad_currency_and_amount",
                (_, true, true, false, false) => "bad_timestamp_and_amount",
                (_, false, false, false, true) => "duplicate_id",
                (_, false, false, false, false) => null,
                _ => throw new InvalidOperationException($"Unexpected combination of problems in '{string.Join(',', fields)}'."),
            };
            if (kind is not null)
            {
                Add(kinds, kind);
            }
        }

        return kinds;
    }

    /// <summary>Splits one CSV line; quoted fields may hold commas and doubled quotes.</summary>
    private static string?[] SplitCsv(string line)
    {
        var fields = new List<string?>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static void Add(Dictionary<string, long> kinds, string kind) =>
        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex AmountPattern();
}
