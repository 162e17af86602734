using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Stochastic;

namespace Verification.Optimizers.Lodo;

/// <summary>
/// The Newton method with the true, fixed Hessian H: x_{t+1} = x_t − H⁻¹g_t (the optimum of lodo.md App. F.1). g_t is
/// the sampled gradient, so on the moving bowl it is the gradient at the current centre.
/// </summary>
public sealed class NewtonTracker : StochasticOptimizer
{
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;

    /// <summary>H symmetric positive definite.</summary>
    public NewtonTracker(Matrix<double> hessian)
    {
        Require.Symmetric(hessian, nameof(hessian));
        try
        {
            cholesky = hessian.Cholesky();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("hessian must be positive definite: " + e.Message, nameof(hessian));
        }
    }

    /// <inheritdoc />
    public override string Name => "newton";

    /// <inheritdoc />
    protected override IStepRule CreateRule(IObjective objective, int dimension) => new Rule(cholesky);

    private sealed class Rule(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> h) : IStepRule
    {
        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t) => -h.Solve(sample.Gradient);
    }
}
