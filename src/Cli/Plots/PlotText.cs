using System.Globalization;
using System.Text.RegularExpressions;

namespace Verification.Cli.Plots;

/// <summary>Numbers as the figures and their captions print them.</summary>
internal static partial class PlotText
{
    /// <summary>
    /// <paramref name="value"/> to three significant digits, with a true minus sign (−) and a short exponent:
    /// −1.5, 0.346, 9.04e−7, 1e20.
    /// </summary>
    internal static string Number(double value) =>
        Exponent().Replace(value.ToString("G3", CultureInfo.InvariantCulture), m => "e" + (m.Groups[1].Value == "-" ? "-" : "") + m.Groups[2].Value)
            .Replace('-', '−');

    [GeneratedRegex(@"E([+-])0*(\d+)")]
    private static partial Regex Exponent();
}
