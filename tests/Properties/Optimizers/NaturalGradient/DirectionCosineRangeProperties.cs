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
