using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// The LIPSCHITZ subroutine of elmo-amos Alg. 1: given θ_t and the eigenvectors (v_i) of H(θ_t), the
/// per-eigenspace constants (L_t^i) of Assumption 2, each finite and &gt; 0.
/// </summary>
public interface ILipschitzOracle
{
    /// <summary>A short, stable name (used in optimizer names and snapshots).</summary>
    string Name { get; }

    /// <summary>(L_t^i), ordered like <paramref name="eigen"/>'s ascending eigenvalues.</summary>
    Vector<double> Estimate(IObjective objective, Vector<double> theta, EigenSystem eigen);
}

/// <summary>The LIPSCHITZ oracles of Alg. 1 this suite offers, and the check every oracle's output passes.</summary>
public static class LipschitzOracles
{
    /// <summary>Calls <paramref name="oracle"/> and rejects an output that is not n finite, positive constants.</summary>
    /// <exception cref="ArgumentException">the oracle returned a wrong length, a non-finite or a non-positive L_t^i.</exception>
    public static Vector<double> Checked(ILipschitzOracle oracle, IObjective objective, Vector<double> theta, EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(eigen);
        var l = oracle.Estimate(objective, theta, eigen);
        string name = $"L (from oracle {oracle.Name})";
        Require.Positive(l, name);
        Require.SameLength(eigen.Dimension, l.Count, name);
        return l;
    }
}

/// <summary>L_t^i = L for every i and t: a constant oracle.</summary>
public sealed class ConstantLipschitz : ILipschitzOracle
{
    /// <summary>Creates the oracle returning <paramref name="lipschitz"/> &gt; 0 for every eigenspace.</summary>
    public ConstantLipschitz(double lipschitz) => Lipschitz = Require.Positive(lipschitz, nameof(lipschitz));

    /// <summary>L.</summary>
    public double Lipschitz { get; }

    /// <inheritdoc />
    public string Name => $"const {Require.Show(Lipschitz)}";

    /// <inheritdoc />
    public Vector<double> Estimate(IObjective objective, Vector<double> theta, EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        return Vector<double>.Build.Dense(eigen.Dimension, Lipschitz);
    }
}

/// <summary>
/// L_t^i = scale · max(L_H, floor) for every i, with L_H the rigorous eq. (2) constant of an
/// <see cref="IThirdOrderObjective"/>. The floor exists because L_H = 0 (a quadratic) gives no finite ELMO step
/// along λ_i ≤ 0; scale = √n is the choice under which Σ_i L|x_i|³/6 ≥ L_H‖x‖³/6 (‖x‖₂³ ≤ √n·Σ|x_i|³), so that
/// the eigenspace models of eq. (3) bound the true drift (see the alg-1 claim).
/// </summary>
public sealed class HessianLipschitzOracle : ILipschitzOracle
{
    /// <summary>Creates the oracle with multiplier <paramref name="scale"/> &gt; 0 and floor <paramref name="floor"/> &gt; 0.</summary>
    public HessianLipschitzOracle(double scale = 1, double floor = 1e-12)
    {
        Scale = Require.Positive(scale, nameof(scale));
        Floor = Require.Positive(floor, nameof(floor));
    }

    /// <summary>The multiplier applied to L_H.</summary>
    public double Scale { get; }

    /// <summary>The least constant returned.</summary>
    public double Floor { get; }

    /// <inheritdoc />
    public string Name => Scale == 1 ? "L_H" : $"{Require.Show(Scale)}·L_H";

    /// <summary>scale·max(L_H, floor) for every eigenspace.</summary>
    /// <remarks>
    /// Range: L_H finite and ≥ 0 (an objective's faulty constant is rejected, not passed on), and the product within
    /// (0, double.MaxValue] after rounding. Accuracy: one multiplication, so the correctly rounded product (½ ulp, subnormal
    /// results included); where it rounds to +∞ (scale = 1e300, L_H = 1e10) or to 0 (scale = floor = 1e-300) no
    /// constant of the contract (finite, &gt; 0) exists and the call is rejected naming the objective and the range.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// No rigorous L_H, an L_H that is NaN, ∞ or negative, or scale·max(L_H, floor) beyond double.MaxValue or rounding to 0.
    /// </exception>
    public Vector<double> Estimate(IObjective objective, Vector<double> theta, EigenSystem eigen)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        if (objective is not IThirdOrderObjective { HessianLipschitz: { } lh })
            throw new ArgumentException(
                $"objective {objective?.Name ?? "null"} has no rigorous Hessian-Lipschitz constant (needs IThirdOrderObjective with HessianLipschitz).",
                nameof(objective));
        if (!(lh >= 0) || double.IsInfinity(lh))
            throw new ArgumentException(
                $"objective {objective.Name} has Hessian-Lipschitz constant {Require.Show(lh)}; L_H must be finite and ≥ 0.", nameof(objective));
        double constant = Scale * Math.Max(lh, Floor);
        if (double.IsInfinity(constant) || constant == 0)
            throw new ArgumentException(
                $"scale·max(L_H, floor) = {Require.Show(Scale)}·{Require.Show(Math.Max(lh, Floor))} rounds to {Require.Show(constant)} for objective {objective.Name}; "
                + "the constants L_t^i must lie in (0, double.MaxValue].", nameof(objective));
        return Vector<double>.Build.Dense(eigen.Dimension, constant);
    }
}

/// <summary>A user-supplied LIPSCHITZ(θ_t, (v_i)) (Alg. 1); its output is checked by <see cref="LipschitzOracles.Checked"/>.</summary>
public sealed class FunctionLipschitz(string name, Func<IObjective, Vector<double>, EigenSystem, Vector<double>> estimate) : ILipschitzOracle
{
    private readonly Func<IObjective, Vector<double>, EigenSystem, Vector<double>> estimate =
        estimate ?? throw new ArgumentNullException(nameof(estimate));

    /// <inheritdoc />
    public string Name { get; } = string.IsNullOrWhiteSpace(name)
        ? throw new ArgumentException("name must not be empty.", nameof(name))
        : name;

    /// <inheritdoc />
    public Vector<double> Estimate(IObjective objective, Vector<double> theta, EigenSystem eigen) => estimate(objective, theta, eigen);
}
