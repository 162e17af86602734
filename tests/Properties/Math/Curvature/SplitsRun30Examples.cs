using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="Splits.ResidualTerm"/> (the second line of balles-thesis eq. 7.9) checks θ against the problem itself, not
/// only through the split: a split (<see cref="ISplit"/> is public) whose factors do not depend on θ, with
/// ∇_b a = 2^511 and ∇²_θ b = 2^511 (exponents summing to 1022, so the scaled-sum path runs), gives the residual term
/// 2^511·2^511 = 2^1022 at a valid θ and must reject a θ of the wrong length, naming theta.
/// </summary>
public class SplitsRun30Examples
{
    private static readonly double Large = Math.ScaleB(1, 511);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    [Fact]
    public void ResidualTerm_OfASplitThatIgnoresTheta_StillRejectsAThetaOfTheWrongLength()
    {
        var problem = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(), new Dataset([V(1)], [0.0]));
        var split = new ConstantSplit(problem);
        // Exact: the product of two powers of two.
        Assert.Equal(Math.ScaleB(1, 1022), Splits.ResidualTerm(split, V(0))[0, 0]);
        ArgumentAssert.Rejects(() => Splits.ResidualTerm(split, V(0, 0)), "theta", "theta");
    }

    /// <summary>b(θ) with J = 1 and ∇²b = 2^511, a with ∇a = 2^511 and ∇²a = 1, whatever θ.</summary>
    private sealed class ConstantSplit(LikelihoodProblem problem) : ISplit
    {
        public string Name => "constant (test)";

        public LikelihoodProblem Problem => problem;

        public Matrix<double> InnerJacobian(int n, Vector<double> theta) => Matrix<double>.Build.Dense(1, 1, 1);

        public IReadOnlyList<Matrix<double>> InnerHessians(int n, Vector<double> theta) => [Matrix<double>.Build.Dense(1, 1, Large)];

        public Vector<double> OuterGradient(int n, Vector<double> theta) => V(Large);

        public Matrix<double> OuterHessian(int n, Vector<double> theta) => Matrix<double>.Build.Dense(1, 1, 1);
    }
}
