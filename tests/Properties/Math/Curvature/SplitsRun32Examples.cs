using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The canonical split's GGN (balles-thesis eq. 7.10) when only one of two samples has a product ∇²_b a·J below the
/// double range (issue 15, item 1; mutation run 30). Bernoulli logit, f = θ·x without bias, θ = (0, 700·2^-99), label 1.
/// Sample 1 is the shared tail case x = (2^-99, 2^99), f = 700: its term σ(700)σ(−700)·xxᵀ has the normal off-diagonal
/// entry e^-700/(1 + e^-700)² ≈ 9.86e-305, while the partial product x₀·σ(700)σ(−700) ≈ 2^-1109 is not. Sample 2 is
/// x = (0, 1), an ordinary sample whose term σσ·(0, 1)(0, 1)ᵀ is 0 off the diagonal. By hand G[0, 1] is sample 1's entry
/// alone: one sample needing the scaled sum must send the whole sum there (the plain form halved it).
/// </summary>
public class SplitsRun32Examples
{
    [Fact]
    public void CanonicalSplitGgn_WhereOnlyOneSampleUnderflows_IsExact()
    {
        var p = new LikelihoodProblem(new LinearModel(2, bias: false), new BernoulliLogit(),
            new Dataset([Vector<double>.Build.DenseOfArray([LogitTailReference.X0, LogitTailReference.X1]), Vector<double>.Build.DenseOfArray([0.0, 1.0])],
                [1.0, 1.0]));

        var ggn = Splits.GeneralizedGaussNewton(Splits.Canonical(p), Vector<double>.Build.DenseOfArray([0.0, LogitTailReference.Theta1]));

        // 11 ulp as for sample 1 alone (SplitsRangeExamples): sample 2's term has the zero factor x₀ = 0, an exact 0 in the sum.
        LogitTailReference.AssertOffDiagonalEntries("G", (i, j) => ggn[i, j], 11);
    }
}
