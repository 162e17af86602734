using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The Poisson score y − λ (λ = eᶠ) relatively accurate for counts y from 1 to 1e300 and f = ln y + s, s over
/// ±(2^-1074 … 10) (f rounded; the exact f − ln y is what the double f gives), against y − e^f enclosed until its relative
/// width is below 2^-60: <see cref="PoissonLog"/>'s gradient, <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>'s
/// and forward mode's ε₁ part of <see cref="CurvatureFormulas.LogDensity{U}"/> over <see cref="HyperDualReal{T}"/> of
/// doubles, each within 6.3u·|y − λ| + 2^-1074 (<see cref="PoissonNearLabel"/>: s 1.01u, expm1's condition 1.39, its
/// Horner 3.9u, the product by y 1u; outside |s| ≤ ln 2 the written y − λ, where |y − λ| ≥ max(y, λ)/2, so λ's 2u and the
/// subtraction's u are 5u); the ε₁ε₂ part −λ within 3.7u (y·eˢ: eˢ's 2u, s's absolute 0.71u through exp, the product u;
/// the written −eᶠ 2u). Before, the score kept only λ's absolute error near f = ln y (0 for −3.1e-59 at y = 1).
/// </summary>
[Properties(MaxTest = 200)]
public class PoissonNearLabelRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Counts from 1 to 1e300: small, thousands, and floors of every binade.</summary>
    private static Gen<double> Counts { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 30).Select(i => (double)i)),
        (2, Gen.Choose(31, 100000).Select(i => (double)i)),
        (3, Gen.Choose(0, 996).Select(k => Math.Floor(Math.ScaleB(1.5, k)))));

    /// <summary>s: ±2^k for k over −1074…3, a mantissa drawn, and 0 and the largest, ±10.</summary>
    private static Gen<double> Offsets { get; } = Gen.Frequency(
        (8, from k in Gen.Choose(-1074, 3) from m in Gen.Choose(0, 1 << 30) from negative in Gen.Elements(true, false)
            select (negative ? -1 : 1) * Math.Min(10, Math.ScaleB(1 + m / (double)(1 << 30), k))),
        (1, Gen.Elements(0.0, 10.0, -10.0, 0.6931471805599453, -0.6931471805599453)));

    private static Arbitrary<(double Y, double F)> Cases { get; } =
        (from y in Counts from s in Offsets select (y, Math.Log(y) + s)).ToArbitrary();

    /// <summary>y − e^f enclosed to a relative width below 2^-60 (bits doubled from 128).</summary>
    private static RationalInterval Score(double y, double f)
    {
        for (int bits = 128; ; bits *= 2)
        {
            var score = RationalInterval.Exact(y) - ExactExp.Of(f, bits);
            if (score.Lower.Sign() == score.Upper.Sign() && score.Width * ExactDouble.Pow2(60) <= Fraction.Abs(score.Lower.Sign() > 0 ? score.Lower : score.Upper))
                return score;
        }
    }

    private static Property Within(string what, double computed, RationalInterval exact, double units)
    {
        var c = F(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
        var bound = F(units * Unit) * FractionExtensions.Max(Fraction.Abs(exact.Lower), Fraction.Abs(exact.Upper)) + Tiny;
        return (error <= bound).Label($"{what}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    [Property]
    public Property Score_IsRelativelyAccurate_NearAndAwayFromTheLabel() => Prop.ForAll(Cases, c =>
    {
        var (y, f) = c;
        string at = $"y = {y:R}, f = {f:R}";
        var exact = Score(y, f);
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.PoissonLog, 1);
        var (gradient, hessian) = CurvatureFormulas.LogDensityDerivatives(shape, [Float64.Of(y)], [Float64.Of(f)]);
        var forward = CurvatureFormulas.LogDensity(shape, [HyperDualReal<Float64>.Constant(Float64.Of(y))],
            [HyperDualReal<Float64>.Variable(Float64.Of(f), true, true)]);
        var lambda = -ExactExp.Of(f, 128);
        return Within($"PoissonLog ∇ at {at}", new PoissonLog().Gradient(y, Vector<double>.Build.DenseOfArray([f]))[0], exact, 6.3)
            .And(Within($"LogDensityDerivatives ∇ at {at}", gradient[0].Value, exact, 6.3))
            .And(Within($"forward ε₁ at {at}", forward.E1.Value, exact, 6.3))
            .And(Within($"forward ε₁ε₂ at {at}", forward.E12.Value, lambda, 3.7))
            .And(Within($"LogDensityDerivatives ∇² at {at}", hessian[0, 0].Value, lambda, 2));
    });
}
