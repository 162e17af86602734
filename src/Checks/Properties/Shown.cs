using System.Globalization;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Checks.Properties;

/// <summary>
/// Numbers in the properties' counterexample messages: the shortest text that round-trips ("R", invariant culture);
/// an exact rational through its nearest double.
/// </summary>
internal static class Shown
{
    internal static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    internal static string Show(Fraction x) => Show(ExactLinearAlgebra.ToDouble(x));
}
