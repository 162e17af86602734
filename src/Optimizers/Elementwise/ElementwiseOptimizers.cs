using MathNet.Numerics.LinearAlgebra;

namespace Verification.Optimizers.Elementwise;

/// <summary>
/// An optimizer that can own any subset of the coordinates, as AMOS's OPT¹ and OPT² (elmo-amos Alg. 2, line 14:
/// (Δθ_t)_i = OPTIM_i.step()). State is per coordinate and only the owned coordinates' state moves.
/// </summary>
public interface IElementwiseOptimizer
{
    /// <summary>A short, stable name including the hyperparameters that matter.</summary>
    string Name { get; }

    /// <summary>Fresh per-coordinate state for a problem of dimension n.</summary>
    IElementwiseState Start(int dimension);
}

/// <summary>The state of one <see cref="IElementwiseOptimizer"/> within one run.</summary>
public interface IElementwiseState
{
    /// <summary>Writes (Δθ_t)_i into <paramref name="delta"/> for every i in <paramref name="coordinates"/>.</summary>
    void Step(IObjective objective, Vector<double> theta, Vector<double> gradient, IReadOnlyList<int> coordinates, Vector<double> delta);
}
