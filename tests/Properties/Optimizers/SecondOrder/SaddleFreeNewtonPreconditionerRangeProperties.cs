using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics.Exact;
using Verification.Tests.Properties.Optimizers.NaturalGradient;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// <see cref="SaddleFreeNewton.Preconditioner"/> for a diagonal Hessian given exactly, curvatures over the whole range
/// (<see cref="EigenspaceOptimizerDiagonalRangeProperties.Scaled"/>, n = 1…3): Φ_ii within ½ ulp of 1/|λ_i| (exactly 0 for
/// λ_i = 0), Φ_ij = 0 exactly off the diagonal; an ArgumentException naming theta where some exact 1/|λ_i| is at or beyond
/// the overflow threshold, and nowhere else.
/// </summary>
[Properties(MaxTest = 300)]
public class SaddleFreeNewtonPreconditionerRangeProperties
{
    [Property]
    public Property Preconditioner_OfADiagonalHessian_IsTheCorrectlyRoundedInverseOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 3) from lambda in EigenspaceOptimizerDiagonalRangeProperties.Scaled(n) select lambda).ToArbitrary(),
        lambda => Check(lambda));

    /// <summary>A subnormal curvature beside an ordinary one: 1/|λ| overflows, and its ∞ met the zeros of V (NaN entries before).</summary>
    [Fact]
    public void Preconditioner_WithASubnormalCurvature_IsRejectedNamingTheta()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new SaddleFreeNewton().Preconditioner(new GivenCurvature([1e-310, 1.0], [1.0, 1.0]), Vector<double>.Build.Dense(2)));
        Assert.Equal("theta", e.ParamName);
    }

    private static Property Check(double[] lambda)
    {
        int n = lambda.Length;
        string label = $"λ = ({string.Join(", ", lambda.Select(x => x.ToString("R")))})";
        bool overflows = lambda.Any(l => l != 0 && Fraction.One / Fraction.Abs(ExactDouble.ToFraction(l)) >= ExactAgreement.OverflowThreshold);
        Matrix<double> phi;
        try
        {
            phi = new SaddleFreeNewton().Preconditioner(new GivenCurvature(lambda, new double[n]), Vector<double>.Build.Dense(n));
        }
        catch (ArgumentException e)
        {
            return (overflows && e.ParamName == "theta").Label($"{label}: rejected ({e.Message})");
        }
        if (overflows)
            return false.Label($"{label}: 1/|λ| overflows but Φ = {phi} was returned");
        var result = true.ToProperty();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i != j || lambda[i] == 0)
                {
                    result = result.And((phi[i, j] == 0).Label($"{label}: Φ[{i}, {j}] = {phi[i, j]:R}, expected 0"));
                    continue;
                }
                var exact = RationalInterval.Exact(Fraction.One / Fraction.Abs(ExactDouble.ToFraction(lambda[i])));
                result = result.And(ExactAgreement.Within(phi[i, i], exact, 0.5, $"{label}: Φ[{i}, {i}]"));
            }
        return result;
    }
}
