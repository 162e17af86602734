using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// ∂/∂θ (aᵀG(θ)u) for the dense model of lodo.md §4.1 (G filled row-major with θ): the derivative is the outer product
/// a uᵀ, vectorized row-major, so entry i·n + j is the single product a_i·u_j. Over the whole double range each entry
/// must be that product correctly rounded (within ½ ulp, as the remarks state), ±∞ exactly where it overflows, and
/// independent of θ.
/// </summary>
[Properties(MaxTest = 200)] // n² exact products of two doubles: well under a millisecond a case
public class DensePreconditionerFullRangeProperties
{
    /// <summary>
    /// Tolerance ½ ulp: one IEEE multiplication per entry, correctly rounded; ExactAgreement measures in ulp of the exact
    /// value with the subnormal floor 2^-1074 and requires ±∞ exactly where the exact product reaches MaxValue + ½ulp.
    /// </summary>
    [Property]
    public Property BilinearGradient_IsTheCorrectlyRoundedOuterProduct() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from theta in FullRangeDoubles.SignedOrOneScale(n * n)
         from a in FullRangeDoubles.SignedOrOneScale(n)
         from u in FullRangeDoubles.SignedOrOneScale(n)
         select (n, theta, a, u)).ToArbitrary(), c =>
    {
        var model = new DensePreconditioner(c.n, 1.0);
        var gradient = model.BilinearGradient(Vector<double>.Build.DenseOfArray(c.theta), Vector<double>.Build.DenseOfArray(c.a),
            Vector<double>.Build.DenseOfArray(c.u));
        // θ does not enter ∂(aᵀGu)/∂G: another θ (here 0) gives the same vector bit for bit.
        var atZero = model.BilinearGradient(Vector<double>.Build.Dense(c.n * c.n), Vector<double>.Build.DenseOfArray(c.a),
            Vector<double>.Build.DenseOfArray(c.u));
        string at = $"a = [{string.Join(", ", c.a.Select(x => x.ToString("R")))}], u = [{string.Join(", ", c.u.Select(x => x.ToString("R")))}]";
        var property = (gradient.Count == c.n * c.n).Label($"length {gradient.Count}")
            .And(gradient.Enumerate().Zip(atZero.Enumerate()).All(p => p.First.Equals(p.Second)).Label($"depends on θ at {at}"));
        for (int i = 0; i < c.n; i++)
            for (int j = 0; j < c.n; j++)
            {
                var exact = RationalInterval.Exact(ExactDouble.ToFraction(c.a[i]) * ExactDouble.ToFraction(c.u[j]));
                property = property.And(ExactAgreement.Within(gradient[i * c.n + j], exact, 0.5, $"entry ({i}, {j}) at {at}"));
            }
        return property;
    });

    /// <summary>Hand-computed ends of the range: products that are exact, subnormal, a tie below the subnormal grid, or beyond MaxValue.</summary>
    [Fact]
    public void BilinearGradient_AtTheEndsOfTheRange()
    {
        var model = new DensePreconditioner(2, 1.0);
        var theta = Vector<double>.Build.Dense(4);
        var a = Vector<double>.Build.DenseOfArray([double.Epsilon, double.MaxValue]);
        var u = Vector<double>.Build.DenseOfArray([Math.ScaleB(1, 1000), 2.0]);
        var g = model.BilinearGradient(theta, a, u);
        Assert.Equal(Math.ScaleB(1, -74), g[0]); // 2^-1074·2^1000, exact
        Assert.Equal(2 * double.Epsilon, g[1]); // 2^-1074·2
        Assert.Equal(double.PositiveInfinity, g[2]); // MaxValue·2^1000
        Assert.Equal(double.PositiveInfinity, g[3]); // MaxValue·2
        var half = model.BilinearGradient(theta, Vector<double>.Build.DenseOfArray([double.Epsilon, -double.MaxValue]),
            Vector<double>.Build.DenseOfArray([0.5, 0.5]));
        Assert.Equal(0.0, half[0]); // 2^-1075 is a tie between 0 and 2^-1074: to even, 0
        Assert.Equal(-double.MaxValue / 2, half[2]); // exact
    }

    /// <summary>The range is every finite θ, a, u of the right lengths; anything else is rejected, naming the parameter.</summary>
    [Fact]
    public void BilinearGradient_RejectsNonFiniteAndMisSizedInputs()
    {
        var model = new DensePreconditioner(2, 1.0);
        var theta = Vector<double>.Build.Dense(4, 1.0);
        var v = Vector<double>.Build.Dense(2, 1.0);
        var nan = Vector<double>.Build.DenseOfArray([double.NaN, 1.0]);
        ArgumentAssert.Rejects(() => model.BilinearGradient(Vector<double>.Build.DenseOfArray([1.0, 1.0, double.NegativeInfinity, 1.0]), v, v),
            "theta", "theta[2] must be finite");
        ArgumentAssert.Rejects(() => model.BilinearGradient(Vector<double>.Build.Dense(3, 1.0), v, v), "theta", "has length 3, expected 4");
        ArgumentAssert.Rejects(() => model.BilinearGradient(theta, nan, v), "a", "a[0] must be finite");
        ArgumentAssert.Rejects(() => model.BilinearGradient(theta, Vector<double>.Build.Dense(3, 1.0), v), "a", "has length 3, expected 2");
        ArgumentAssert.Rejects(() => model.BilinearGradient(theta, v, nan), "u", "u[0] must be finite");
        ArgumentAssert.Rejects(() => model.BilinearGradient(theta, v, Vector<double>.Build.Dense(1, 1.0)), "u", "has length 1, expected 2");
    }
}
