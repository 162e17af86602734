using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// What <see cref="CubicPerturbedQuadratic"/>'s constructor promises besides the derivatives: a direction u of another
/// length than D is rejected naming u, the default name carries n and c (reports and trajectories show it), and on
/// ordinary inputs (every entry within ScaledSum.Ordinary) L_H = |c|‖u‖³, f and ∇f are the plain formulas bit for bit
/// (the forms before issue 15, on which the stored trajectories rest). Written for the survivors of the mutation run of
/// docs/mutation-testing.md (run 8): each check fails where the length check, the name or the plain/scaled switch is
/// removed or inverted.
/// </summary>
public class CubicPerturbedQuadraticConstructionExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void DirectionOfAnotherLength_IsRejectedNamingU()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(3), 1, V(1, 2)));
        Assert.Equal("u", error.ParamName);
    }

    [Fact]
    public void Name_DefaultCarriesDimensionAndWeight_GivenNameIsKept()
    {
        var d = Matrix<double>.Build.DenseIdentity(3);
        Assert.Equal("cubic-perturbed-quadratic(n=3, c=0.25)", new CubicPerturbedQuadratic(d, 0.25, V(1, 0, 0)).Name);
        Assert.Equal("mine", new CubicPerturbedQuadratic(d, 0.25, V(1, 0, 0), "mine").Name);
    }

    /// <summary>
    /// 300 ordinary draws (entries of magnitude 2^-20 … 2^20, both signs, n from 1 to 4): L_H, f and ∇f equal the plain
    /// formulas |c|·‖u‖·‖u‖·‖u‖, ½θᵀ(Dθ) + (c/6)p³ and Dθ + ((c/2)p²)u (p = uᵀθ) to the last bit. The scaled forms agree
    /// within their stated bounds but not bit for bit (‖u‖ as largest·‖u/largest‖ rounds differently), so a switch that
    /// takes them on ordinary inputs moves some of these draws.
    /// </summary>
    [Fact]
    public void OrdinaryInputs_TakeThePlainFormulasBitForBit()
    {
        var random = new Random(20261202);
        double Draw() => (random.Next(2) == 0 ? -1 : 1) * Math.ScaleB(1 + random.NextDouble(), random.Next(-20, 21));
        for (int draw = 0; draw < 300; draw++)
        {
            int n = 1 + draw % 4;
            var d = Matrix<double>.Build.Dense(n, n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                    d[i, j] = d[j, i] = Draw();
            double c = Draw();
            var u = Vector<double>.Build.Dense(n, _ => Draw());
            var theta = Vector<double>.Build.Dense(n, _ => Draw());
            var f = new CubicPerturbedQuadratic(d, c, u);

            double norm = u.L2Norm();
            Assert.Equal(Math.Abs(c) * norm * norm * norm, f.HessianLipschitz);
            double p = u.DotProduct(theta);
            Assert.Equal(0.5 * theta.DotProduct(d * theta) + c / 6 * p * p * p, f.Value(theta));
            Assert.Equal((d * theta + (c / 2 * p * p) * u).ToArray(), f.Gradient(theta).ToArray());
        }
    }

    /// <summary>
    /// c = 1e-300 is outside the ordinary band, so ‖u‖ is formed as largest·‖u/largest‖: u = (3, 4) gives 4·‖(0.75, 1)‖ =
    /// 4·1.25 = 5 exactly and L_H = |c|·125 from ScaledSum's product of the four mantissas (three roundings) and its final
    /// rounding, within the stated 6u.
    /// </summary>
    [Fact]
    public void HessianLipschitz_OfATinyWeight_IsCTimesTheCubedNorm()
    {
        var exact = ExactDouble.ToFraction(1e-300) * 125;
        var computed = new CubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(2), 1e-300, V(3, 4)).HessianLipschitz!.Value;
        var error = Fraction.Abs(ExactDouble.ToFraction(computed) - exact);
        Assert.True(error <= 6 * ExactDouble.Pow2(-53) * exact, $"L_H = {computed:R}");
    }

    [Fact]
    public void Value_AtANonFiniteTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(() => new CubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(2), 1, V(1, 0)).Value(V(double.NaN, 0)),
            "theta", "must be finite");

    [Fact]
    public void ThirdDerivativeAlong_AtALongerTheta_IsRejectedNamingTheta() =>
        ArgumentAssert.Rejects(
            () => new CubicPerturbedQuadratic(Matrix<double>.Build.DenseIdentity(2), 1, V(1, 0)).ThirdDerivativeAlong(V(1, 2, 3), V(1, 1)),
            "theta", "length 3, expected 2");
}
