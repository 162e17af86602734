using System.Globalization;

namespace Verification.Engine;

/// <summary>One named input or output of a counterexample, in round-trip ("R") text so it replays bit for bit.</summary>
public sealed record NamedValue(string Name, string Value)
{
    /// <summary>A double in round-trip form.</summary>
    public static NamedValue Of(string name, double value) => new(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A vector of doubles in round-trip form.</summary>
    public static NamedValue Of(string name, IEnumerable<double> values) =>
        new(name, "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]");

    /// <summary>An integer.</summary>
    public static NamedValue Of(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Any other value, as text.</summary>
    public static NamedValue Text(string name, string value) => new(name, value);
}
