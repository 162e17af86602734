using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// An objective whose value, gradient and Hessian are rational functions of θ with double coefficients, so that
/// they can be evaluated exactly (point rational intervals) at a double θ: what certifies a counterexample.
/// </summary>
public interface IExactObjective : IThirdOrderObjective
{
    /// <summary>f(θ) exactly.</summary>
    RationalInterval ExactValue(IReadOnlyList<double> theta);

    /// <summary>∇f(θ) exactly.</summary>
    RationalInterval[] ExactGradient(IReadOnlyList<double> theta);

    /// <summary>H(θ) exactly, row-major.</summary>
    RationalInterval[,] ExactHessian(IReadOnlyList<double> theta);
}
