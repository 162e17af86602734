using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="LikelihoodProblem.FisherTailBound"/> where a Jacobian entry is itself beyond the double range (Poisson
/// log-rate with a tanh MLP, D = H = 1, x = 1e10, W₂ = 1e300, so ∂f/∂W₁[0,0] = W₂·x = 1e310): the rejection names θ and
/// shows the θ it was evaluated at, its entries separated, and which sample's J or ∇²f left the range.
/// </summary>
public class LikelihoodProblemRun25Examples
{
    [Fact]
    public void FisherTailBound_WithAJacobianBeyondTheRange_ShowsThetaAndTheSample()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new PoissonLog(),
            new Dataset([Vector<double>.Build.DenseOfArray([1e10])], [0.0]));
        var theta = Vector<double>.Build.DenseOfArray([0, 0, 1e300, 0]);

        var e = ArgumentAssert.Rejects(() => p.FisherTailBound(theta), "theta", "θ = [0, 0, 1E+300, 0]");
        Assert.Contains("J_0 or ∇²f_0", e.Message, StringComparison.Ordinal);
        Assert.Contains("itself beyond the double range", e.Message, StringComparison.Ordinal);
    }
}
