using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Verification.Claims.Catalog;
using Verification.Engine;

namespace Verification.Cli.Commands;

/// <summary>The options shared by the commands, each validated at parse time with a message that names the option.</summary>
internal static class CatalogOptions
{
    internal static Option<string?> Filter() => new("--filter")
    {
        Description = "Only claims whose ID matches this glob ('*' matches any run of characters), e.g. 'elmo/*' or 'elmo/eq-14'.",
        HelpName = "GLOB",
    };

    internal static Option<int> Budget(int defaultValue) => new("--budget")
    {
        Description = "Evaluations per formalization (≥ 1).",
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseInteger(r, "--budget", int.MaxValue, min: 1, v => (int)v),
    };

    internal static Option<ulong> Seed(ulong defaultValue) => new("--seed")
    {
        Description = "Replay seed (an integer in [0, 2^64 − 1]); the same seed and budget reproduce every verdict.",
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseInteger(r, "--seed", ulong.MaxValue, min: 0, v => v),
    };

    /// <summary>--out DIR: the directory a command writes <paramref name="files"/> to, created if missing.</summary>
    internal static Option<string> Out(string files, string defaultValue) => new("--out")
    {
        Description = $"Directory for {files} (created if missing).",
        HelpName = "DIR",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>The claims <paramref name="pattern"/> selects, or null after writing why none do.</summary>
    internal static IReadOnlyList<Claim>? Select(string? pattern, TextWriter error)
    {
        var claims = ClaimCatalog.Filter(pattern);
        if (claims.Count > 0)
            return claims;
        error.WriteLine($"error: --filter '{pattern}' matches no claim of the catalog ({ClaimCatalog.All.Count} claims; `list` prints their IDs).");
        return null;
    }

    /// <summary>
    /// The option's token as an integer in [<paramref name="min"/>, <paramref name="max"/>] (digits only), or a parse error
    /// that names the option, the range and the token.
    /// </summary>
    internal static T ParseInteger<T>(ArgumentResult result, string option, ulong max, ulong min, Func<ulong, T> convert)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) && value >= min && value <= max)
            return convert(value);
        result.AddError($"{option} must be an integer in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], got '{token}'.");
        return default!;
    }
}
