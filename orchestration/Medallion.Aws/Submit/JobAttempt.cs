using System.Security.Cryptography;

namespace Medallion.Aws.Submit;

/// <summary>
/// Names one attempt of <c>medallion submit</c> in its EMR client tokens. A token that depends only
/// on run key and step made a second submit of a failed key get the failed job run back from EMR;
/// with the attempt in it, the HTTP client's own retries of one StartJobRun stay idempotent while
/// every new submit starts new job runs.
/// </summary>
public static class JobAttempt
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Six random lowercase base32 characters (30 bits: two submits of one key never share one in practice).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 6);
}
