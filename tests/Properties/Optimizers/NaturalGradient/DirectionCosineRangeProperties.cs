using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.NaturalGradient;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.NaturalGradient;

/// <summary>
/// The cosine of Fig. 7.3 (<see cref="DirectionCosine.Cosine"/>) over the whole double range (issue 15, item 1): against
/// ⟨u, v⟩/√(‖u‖²‖v‖²) in exact rationals (the square root enclosed to 200 bits), within the doc comment's
/// (d + 3)·u·Σ|u_i v_i|/(‖u‖‖v‖) + 3u; never NaN.
/// </summary>
[Properties(MaxTest = 300)]
public class DirectionCosineRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    [Property]
    public Property Cosine_IsWithinItsBound() => Prop.ForAll(
        (from d in Gen.Choose(1, 4)
         from u in Gen.ArrayOf(FullRangeDoubles.Signed, d).Where(a => a.Any(x => x != 0))
         from v in Gen.ArrayOf(FullRangeDoubles.Signed, d).Where(a => a.Any(x => x != 0))
         select (u, v)).ToArbitrary(),
        c =>
        {
            double computed = DirectionCosine.Cosine(Vector<double>.Build.DenseOfArray(c.u), Vector<double>.Build.DenseOfArray(c.v));
            Fraction dot = Fraction.Zero, nu = Fraction.Zero, nv = Fraction.Zero, abs = Fraction.Zero;
            for (int i = 0; i < c.u.Length; i++)
            {
                Fraction a = ExactDouble.ToFraction(c.u[i]), b = ExactDouble.ToFraction(c.v[i]);
                dot += a * b;
                abs += Fraction.Abs(a * b);
                nu += a * a;
                nv += b * b;
            }
            var root = RationalInterval.Exact(nu * nv).Sqrt();
            var cosine = RationalInterval.Exact(dot) / root;
            var scaledAbs = RationalInterval.Exact(abs) / root;
            var bound = (c.u.Length + 3) * Unit * scaledAbs.Upper + 3 * Unit;
            string at = $"u = [{string.Join(", ", c.u.Select(x => x.ToString("R")))}], v = [{string.Join(", ", c.v.Select(x => x.ToString("R")))}]";
            if (!double.IsFinite(computed))
                return false.Label($"{at}: {computed:R}");
            var x = ExactDouble.ToFraction(computed);
            var error = Fraction.Abs(x - cosine.Lower) > Fraction.Abs(x - cosine.Upper) ? Fraction.Abs(x - cosine.Lower) : Fraction.Abs(x - cosine.Upper);
            return (error <= bound).Label($"{at}: cos {computed:R}, exact {cosine}, error {error.ToDouble():R} > {bound.ToDouble():R}");
        });

    /// <summary>Positive diagonals: full-range entries, or a few binades around one scale 2^-1000…2^1000.</summary>
    private static Gen<double[]> Diagonal(int d) => Gen.Frequency(
        (1, Gen.ArrayOf(FullRangeDoubles.Positive, d)),
        (1, FullRangeDoubles.SignedOrOneScale(d).Select(a => a.Select(Math.Abs).ToArray()).Where(a => a.All(x => x > 0))));

    /// <summary>Gradients: full-range or one-scale entries, or small multiples of subnormal powers of two.</summary>
    private static Gen<double[]> Gradient(int d) => Gen.Frequency(
        (2, FullRangeDoubles.SignedOrOneScale(d)),
        (1, Gen.ArrayOf(from m in Gen.Choose(-15, 15) from k in Gen.Choose(-1074, -1030) select m * Math.ScaleB(1.0, k), d)))
        .Where(a => a.Any(x => x != 0));

    /// <summary>True where the nonzero entries are within 2^1022 of the largest (exponents, as the scalings compare them).</summary>
    private static bool WithinTheRange(double[] x)
    {
        int top = Math.ILogB(x.Max(Math.Abs));
        return x.All(e => e == 0 || Math.ILogB(e) - top >= -1022);
    }

    /// <summary>
    /// <see cref="DirectionCosine.At"/> for diagonal F, F̃ and a gradient over the whole range (d = 1…3): against the exact
    /// cosine of u = F⁻¹∇R, v = F̃⁻¹∇R (u_i = g_i/f_i, v_i = g_i/e_i, the root enclosed to 200 bits), within the remarks'
    /// (d + 20)·u·S + 3u + d·2^-1068, S = Σ|u_i v_i|/(‖u‖‖v‖), where ∇R and each diagonal span at most 2^1022; outside
    /// that range a finite cosine or a rejection naming θ that says the matrix is singular or its solve underflows.
    /// </summary>
    [Property]
    public Property At_OfDiagonalMatrices_IsWithinItsBoundOfTheExactCosine() => Prop.ForAll(
        (from d in Gen.Choose(1, 3)
         from f in Diagonal(d)
         from e in Diagonal(d)
         from g in Gradient(d)
         select (f, e, g)).ToArbitrary(),
        c =>
        {
            int d = c.g.Length;
            string at = $"f = [{string.Join(", ", c.f.Select(x => x.ToString("R")))}], f̃ = [{string.Join(", ", c.e.Select(x => x.ToString("R")))}], g = [{string.Join(", ", c.g.Select(x => x.ToString("R")))}]";
            bool inRange = WithinTheRange(c.g) && WithinTheRange(c.f) && WithinTheRange(c.e);
            double computed;
            try
            {
                computed = DirectionCosine.At(new GivenCurvature(c.f, c.g, empiricalDiagonal: c.e), Vector<double>.Build.Dense(d));
            }
            catch (ArgumentException ex)
            {
                bool allowed = !inRange && ex.ParamName == "theta" && (ex.Message.Contains("is singular at θ", StringComparison.Ordinal) || ex.Message.Contains("underflows to 0", StringComparison.Ordinal));
                return allowed.Label($"{at}: rejected ({ex.ParamName}: {ex.Message})");
            }
            if (!double.IsFinite(computed))
                return false.Label($"{at}: {computed:R}");
            if (!inRange)
                return true.Label("outside the stated range: finite, no bound");
            Fraction dot = Fraction.Zero, nu = Fraction.Zero, nv = Fraction.Zero, abs = Fraction.Zero;
            for (int i = 0; i < d; i++)
            {
                Fraction gi = ExactDouble.ToFraction(c.g[i]);
                Fraction a = gi / ExactDouble.ToFraction(c.f[i]), b = gi / ExactDouble.ToFraction(c.e[i]);
                dot += a * b;
                abs += Fraction.Abs(a * b);
                nu += a * a;
                nv += b * b;
            }
            var root = RationalInterval.Exact(nu * nv).Sqrt();
            var cosine = RationalInterval.Exact(dot) / root;
            var scaledAbs = RationalInterval.Exact(abs) / root;
            var bound = (d + 20) * Unit * scaledAbs.Upper + 3 * Unit + d * ExactDouble.Pow2(-1068);
            var x = ExactDouble.ToFraction(computed);
            var error = Fraction.Abs(x - cosine.Lower) > Fraction.Abs(x - cosine.Upper) ? Fraction.Abs(x - cosine.Lower) : Fraction.Abs(x - cosine.Upper);
            return (error <= bound).Label($"{at}: cos {computed:R}, exact ≈ {cosine.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
        });

    /// <summary>
    /// F = 2^-1060·diag(1, 4) or 1e-300·diag(1, 4), F̃ = I, g = (1, 1) or (1e10, 1e10): cos = 5/√34 (u = F⁻¹g overflowed and
    /// F was rejected as singular); F = diag(1e308, 1.5e308), g = (1e-300, 1e-300): cos = 5/√26 (u underflowed to 0 and was
    /// rejected naming u, not a parameter of At); F = diag(1, 3), g = (3, 7)·2^-1074: cos = (9 + 49/3)/√((9 + 49/9)·58) ≈
    /// 0.8752 (0.838 before: the solves divided the subnormals' two and three bits). Within the remarks' (d + 20)u·S + 3u
    /// with d = 2, S ≤ 1: 25u, plus the closed forms' own roundings below (at most 7 operations, 7u): 32u.
    /// </summary>
    [Theory]
    [InlineData(-1060, 1, 1, 1)]
    [InlineData(0, 1e-300, 1e10, 1)]
    [InlineData(0, 1e308, 1e-300, 2)]
    [InlineData(0, 1, 3 * double.Epsilon, 3)]
    public void At_WhereTheDirectionsLeaveTheRange_IsTheExactCosine(int exponent, double scale, double gradient, int which)
    {
        double f0 = Math.ScaleB(scale, exponent);
        double[] f = which switch { 2 => [f0, 1.5 * f0], 3 => [f0, 3 * f0], _ => [f0, 4 * f0] };
        double[] g = which == 3 ? [gradient, 7 * double.Epsilon] : [gradient, gradient];
        double expected = which switch
        {
            2 => 5 / Math.Sqrt(26), // u ∝ (1, 2/3), v ∝ (1, 1): (5/3)/√((13/9)·2)
            3 => (9 + 49.0 / 3) / Math.Sqrt((9 + 49.0 / 9) * 58),
            _ => 5 / Math.Sqrt(34),
        };
        double cosine = DirectionCosine.At(new GivenCurvature(f, g, empiricalDiagonal: [1, 1]), Vector<double>.Build.Dense(2));
        Assert.InRange(cosine, expected - 32 * 1.1102230246251565e-16, expected + 32 * 1.1102230246251565e-16);
    }

    /// <summary>u = v = (1e200, 1e200) and (1e-200, 1e-200): cos = 1 (∞/∞ and 0/0 gave NaN); u = (1e300, 0), v = (−1e-300, 0): −1.</summary>
    [Theory]
    [InlineData(1e200, 1e200, 1e200, 1e200, 1)]
    [InlineData(1e-200, 1e-200, 1e-200, 1e-200, 1)]
    [InlineData(1e300, 0, -1e-300, 0, -1)]
    public void Cosine_OfVectorsBeyondTheSquaredRange_IsExact(double u0, double u1, double v0, double v1, double expected)
    {
        double cosine = DirectionCosine.Cosine(Vector<double>.Build.DenseOfArray([u0, u1]), Vector<double>.Build.DenseOfArray([v0, v1]));
        Assert.InRange(cosine, expected - 4e-16, expected + 4e-16); // 1 or −1 up to the 2–3 roundings of the scaled formula
    }

    /// <summary>A zero vector has no direction: rejected by name.</summary>
    [Fact]
    public void Cosine_OfAZeroVector_IsRejected() =>
        Assert.Equal("u", Assert.Throws<ArgumentException>(() =>
            DirectionCosine.Cosine(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(2, 1.0))).ParamName);
}
