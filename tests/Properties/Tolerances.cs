using System.Globalization;
using Xunit.Sdk;

namespace Verification.Tests.Properties;

/// <summary>
/// Named tolerances of the property tests, each with its reason, and the shared comparers: <see cref="Close"/> for two
/// numbers (two-sided: |a − b| ≤ atol + rtol·max(|a|, |b|)) and <see cref="AssertClose"/> for vectors (NaN/∞-aware,
/// reporting the worst index). The one place for tolerances: those every domain uses sit at the top level, those of one
/// domain in a nested class named after it (<see cref="Lodo"/>, <see cref="Sign"/>, <see cref="Optimizer"/>, and
/// <see cref="Torch"/> in Tolerances.Torch.cs), so that a value is found and compared with its neighbours in one file.
/// </summary>
public static partial class Tolerances
{
    /// <summary>
    /// The documented accuracy of <c>ElmoStep.Step</c> (and of <c>CauchyStep.Along</c> and <c>ElmoPreconditioner.Factor</c>,
    /// built on the same double-double root): ≤ 1 ulp of the exact value, ulp never below 2^-1074. The error analysis in
    /// their remarks gives ½ ulp + 2^-45 ulp for normal and ¾·2^-1074 for subnormal results; 200 000 random full-range
    /// cases gave 0.5 and 0.75.
    /// </summary>
    public const double ElmoStepUlps = 1;

    /// <summary>
    /// Dense symmetric eigensolvers are backward stable: residuals are O(n·ε·‖H‖). For n ≤ 8 we allow 1e-12·‖H‖,
    /// several hundred ε, which also covers the reassembly V·diag·Vᵀ.
    /// </summary>
    public const double EigenRelative = 1e-12;

    /// <summary>Named tolerances of the LODO tests (lodo.md), each with its reason; comparisons are |a − b| ≤ tol·scale.</summary>
    public static class Lodo
    {
        /// <summary>
        /// Matrix-free Gv against the dense G times v, and G(θ₀) against α₀I: 1e-12 of the largest |entry|. Both are
        /// 2N passes of k-term block sums over values of order 1 (N ≤ 4, k ≤ 4): about 2Nk·ε ≈ 1e-14, with room.
        /// </summary>
        public const double Product = 1e-12;

        /// <summary>
        /// Central finite differences of a hypergradient with step h = 1e-5: truncation O(h²‖∇³‖) ≈ 1e-10 plus rounding
        /// ε/h ≈ 2e-11, relative to the largest entry; 1e-7 leaves a wide margin without hiding a wrong entry (those are O(1)).
        /// </summary>
        public const double FiniteDifference = 1e-7;

        /// <summary>
        /// |a − b| ≤ tol·max(1, max|a|, max|b|) entrywise (the maximum over the finite entries), judged by the shared
        /// comparer (<see cref="Measure"/>) on that one scale for every entry: a NaN on either side fails, an infinity passes
        /// only against the same infinity, and a tolerance that is not a finite number ≥ 0 fails, so the comparison can
        /// always fail. The report names the worst entry, both values and the ratio to the tolerance.
        /// </summary>
        public static (bool Ok, string Report) Compare(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol)
        {
            double scale = Math.Max(1, expected.Concat(actual).Where(double.IsFinite).DefaultIfEmpty(0).Max(Math.Abs));
            var (worstRatio, failure) = Measure("entries", [.. expected], [.. actual], Uniform(expected.Count, scale), tol, i => $"entry {i}");
            return (failure is null, failure ?? string.Create(CultureInfo.InvariantCulture,
                $"within tol {tol:R}·{scale:R} (worst ratio {worstRatio:G3})"));
        }
    }

    /// <summary>Named tolerances of the sign-geometry tests (balles-thesis ch. 6), each with its reason.</summary>
    public static class Sign
    {
        /// <summary>
        /// ‖H‖∞,1 in double against the exact rational value: the returned value is ‖Hx*‖₁ recomputed at the maximizing vertex
        /// (d products and 2d sums per row, ≤ ~3d ulp of Σ|H_ij|); 1e-13 relative covers d ≤ 16 with margin.
        /// </summary>
        public const double InfToOneRelative = 1e-13;

        /// <summary>
        /// Eigenvector-based bounds (Props. 6.4, 6.5, eq. 6.21) from MathNet eigenpairs: backward error O(d·ε·‖H‖) in the
        /// eigenvectors enters squared ℓ1 norms times |λ|; 1e-10 relative of Σ_{ij}|H_ij| for d ≤ 8. Looser than
        /// <see cref="EigenRelative"/> (1e-12, a residual of the eigenpairs themselves) because here the eigenvector error is
        /// squared into ℓ1 norms and multiplied by |λ|, not compared once.
        /// </summary>
        public const double EigenBoundRelative = 1e-10;

        /// <summary>The L_sep bracket must close to this relative width (the barrier stops at a gap of 1e-10·scale).</summary>
        public const double BracketRelativeWidth = 1e-7;
    }

    /// <summary>Named tolerances of the optimizer conformance properties, each with its reason.</summary>
    public static class Optimizer
    {
        /// <summary>
        /// Reassembling a step from an n ≤ 4 eigenbasis (V·x) or applying Φ = V·diag(φ)·Vᵀ costs O(n) roundings on
        /// each of several O(1)-conditioned products; 1e-12 relative to the step's scale leaves a factor ~1000 over that.
        /// </summary>
        public const double Reassembly = 1e-12;

        /// <summary>
        /// M(x) is a sum of three terms of possibly opposite sign: its rounding error is a few ulp of the largest term,
        /// so M(x*) ≤ 0 is checked up to 1e-13 of |g|x* + |λ|x*²/2 + Lx*³/6.
        /// </summary>
        public const double ModelTerms = 1e-13;

        /// <summary>First-order condition of ARC's subproblem solved by bisection on μ to full precision: 1e-9 relative.</summary>
        public const double SubproblemStationarity = 1e-9;
    }

    /// <summary>True when |a − b| ≤ atol + rtol·max(|a|, |b|).</summary>
    public static bool Close(double a, double b, double rtol, double atol = 0) =>
        Math.Abs(a - b) <= atol + rtol * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>
    /// Asserts |actual[i] − expected[i]| ≤ tolerance·scale[i] for all i; on failure reports the worst index, both
    /// values, their difference relative to the scale and the tolerance, and the input at that index. Equal values
    /// (equal infinities, zeros of either sign) pass; NaN on either side fails. Returns the worst
    /// ratio |diff|/(tolerance·scale) (0 when every pair is equal), for reports of how tight a bound is.
    /// A comparison that could not fail is refused rather than passed: a tolerance that is negative, NaN or ∞, and a
    /// scale entry that is negative or NaN, fail the assertion outright (a negative product would make every ratio
    /// negative, so nothing would ever exceed 1); a scale entry of ∞ fails wherever the two values differ (any finite
    /// difference over ∞ is 0).
    /// </summary>
    public static double AssertClose(
        string what, double[] expected, double[] actual, double[] scale, double tolerance, Func<int, string> input)
    {
        var (worstRatio, failure) = Measure(what, expected, actual, scale, tolerance, input);
        return failure is null ? worstRatio : throw new XunitException(failure);
    }

    /// <summary>
    /// The comparison of <see cref="AssertClose"/> without the assertion: the worst ratio |diff|/(tolerance·scale) (∞ where
    /// the comparison is refused), and the failure report (null when the comparison passes), for comparers that return
    /// their verdict.
    /// </summary>
    public static (double WorstRatio, string? Failure) Measure(
        string what, double[] expected, double[] actual, double[] scale, double tolerance, Func<int, string> input)
    {
        if (expected.Length != actual.Length || expected.Length != scale.Length)
            return (double.PositiveInfinity, $"{what}: length mismatch, expected {expected.Length}, actual {actual.Length}, scale {scale.Length}.");
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            return (double.PositiveInfinity, string.Create(CultureInfo.InvariantCulture,
                $"{what}: tolerance {tolerance:R} is not a finite number ≥ 0, so the comparison could not fail."));
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(scale[i] >= 0) || (double.IsPositiveInfinity(scale[i]) && actual[i] != expected[i]))
                return (double.PositiveInfinity, string.Create(CultureInfo.InvariantCulture,
                    $"{what}: index {i} of {expected.Length}: scale {scale[i]:R} (expected {expected[i]:R}, actual {actual[i]:R}) " +
                    $"is not a finite number ≥ 0, so the comparison could not fail; input {input(i)}"));
            double ratio = actual[i] == expected[i] ? 0 : Math.Abs(actual[i] - expected[i]) / (tolerance * scale[i]);
            if (double.IsNaN(ratio))
                ratio = double.PositiveInfinity;
            if (ratio > worstRatio || (worst < 0 && ratio > 0))
            {
                worst = i;
                worstRatio = ratio;
            }
        }
        if (worstRatio > 1)
            return (worstRatio, string.Create(CultureInfo.InvariantCulture,
                $"{what}: worst index {worst} of {expected.Length}: expected {expected[worst]:R}, actual {actual[worst]:R}, " +
                $"|diff|/scale = {Math.Abs(actual[worst] - expected[worst]) / scale[worst]:R} " +
                $"(scale {scale[worst]:R}) > tolerance {tolerance:R} (ratio {worstRatio:G3}); input {input(worst)}"));
        return (worstRatio, null);
    }

    /// <summary>max(|a|, |b|) elementwise: the scale for quantities computed without cancellation.</summary>
    public static double[] MaxMagnitude(double[] a, double[] b) =>
        a.Zip(b, (x, y) => Math.Max(Math.Abs(x), Math.Abs(y))).ToArray();

    /// <summary>A constant scale, for comparing entries of one matrix or vector against its largest entry.</summary>
    public static double[] Uniform(int length, double scale) => Enumerable.Repeat(scale, length).ToArray();
}
