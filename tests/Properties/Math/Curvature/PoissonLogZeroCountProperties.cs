using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="PoissonLog"/>'s log p at the count y = 0 is −eᶠ: the written 0·f − λ − log 0! has 0·f = ±0 and log 0! = +0
/// exact, so log p is the negated λ = eᶠ rounded once, within 1 ulp: 2u relative (u = 2^-53; an ulp of a normal x is at
/// most 2u·|x|) plus 2^-1074 where λ is subnormal or rounds to 0 (f ≲ −708), far inside the absolute 7u·λ + 2^-1073 the
/// class states for every count. Over <see cref="Real"/> and as <see cref="HyperDual"/>'s value the same (one exp each).
/// f over the whole range up to 709 (λ finite) against e^f enclosed to 96 bits.
/// </summary>
[Properties(MaxTest = 300)]
public class PoissonLogZeroCountProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>f: anywhere up to 709 (subnormal to −MaxValue), a grid over [−800, 709] (λ from 0 through the subnormals to 8e307), ±0.</summary>
    private static Gen<double> Rates { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Signed.Where(f => f <= 709)),
        (4, Gen.Choose(-800 * 4096, 709 * 4096).Select(n => n / 4096.0)),
        (1, Gen.Elements(0.0, -0.0, -745.1, -708.4, 709.78)));

    private static Property Within(string what, double computed, RationalInterval logP)
    {
        var c = ExactDouble.ToFraction(computed);
        var error = FractionExtensions.Max(Fraction.Abs(c - logP.Lower), Fraction.Abs(c - logP.Upper));
        var bound = ExactDouble.ToFraction(2 * Unit) * Fraction.Abs(logP.Lower) + ExactDouble.Pow2(-1074);
        return (error <= bound).Label($"{what}: {computed:R} vs exact {logP.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    [Property]
    public Property LogDensity_AtCountZero_IsWithinTwoURelative() => Prop.ForAll(Rates.ToArbitrary(), f =>
    {
        var poisson = new PoissonLog();
        var logP = -PoissonLogRangeProperties.Lambda(f)!.Value;
        string at = $"y = 0, f = {f:R}";
        return Within($"log p at {at}", poisson.LogDensity(0, Vector<double>.Build.DenseOfArray([f])), logP)
            .And(Within($"log p over Real at {at}", poisson.LogDensity<Real>(0, [new Real(f)]).Value, logP))
            .And(Within($"log p over HyperDual at {at}", poisson.LogDensity(0, [new HyperDual(f, 1, 1, 0)]).Value, logP));
    });
}
