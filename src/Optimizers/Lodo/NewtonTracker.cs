using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Lodo;

/// <summary>The Newton method with the true, fixed Hessian H: x_{t+1} = x_t − H⁻¹g_t (the optimum of lodo.md App. F.1).</summary>
public sealed class NewtonTracker : ITrackingOptimizer
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
    public string Name => "newton";

    /// <inheritdoc />
    public ITrackingRun Start(Vector<double> x0, Vector<double> g0) => new Run(cholesky, Require.Finite(x0, nameof(x0)).Clone(), Require.Finite(g0, nameof(g0)).Clone());

    private sealed class Run(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> h, Vector<double> x, Vector<double> g) : ITrackingRun
    {
        private Vector<double>? proposal;

        public Vector<double> X => x.Clone();

        public Vector<double> Propose()
        {
            proposal = x - h.Solve(g);
            return proposal.Clone();
        }

        public void Accept(Vector<double> gradient)
        {
            x = proposal ?? throw new InvalidOperationException("Accept needs a preceding Propose.");
            g = Require.Finite(gradient, nameof(gradient)).Clone();
            proposal = null;
        }
    }
}
