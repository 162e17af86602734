using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Elmo;

namespace Verification.Optimizers.SecondOrder;

/// <summary>One ELMO iteration (elmo-amos Alg. 1) at θ_t, with every quantity its lines compute.</summary>
/// <param name="Eigen">(λ_i, v_i) = EIGEN(H(θ_t)), oriented by eq. (1).</param>
/// <param name="Lipschitz">(L_t^i) = LIPSCHITZ(θ_t, (v_i)).</param>
/// <param name="EigenspaceSteps">Δθ_t^i = (√(λ_i² + 2L_t^i|∇fᵀv_i|) − λ_i)/L_t^i (eq. 7).</param>
/// <param name="Step">Σ_i Δθ_t^i·v_i.</param>
public sealed record ElmoIteration(EigenSystem Eigen, Vector<double> Lipschitz, double[] EigenspaceSteps, Vector<double> Step)
{
    /// <summary>
    /// Φ^ELMO of Lemma 3.2 = V·diag(φ_i)·Vᵀ. Where g_i = 0 and λ_i &lt; 0 the step Δθ_t^i = 2|λ_i|/L_t^i is not
    /// of the form −φ_i g_i for any φ_i (the pseudo-inverse gives φ_i = 0): there −Φ∇f differs from the step.
    /// </summary>
    public Matrix<double> Preconditioner()
    {
        var phi = ElmoPreconditioner.Factors(Eigen, Lipschitz);
        return Eigen.Vectors * Matrix<double>.Build.DiagonalOfDiagonalArray(phi) * Eigen.Vectors.Transpose();
    }

    /// <summary>
    /// Notation 7 and 8: for another optimizer's step Δθ at the same θ_t, ΔΔ^iθ_t = Δθᵀv_i − Δθ*ᵀv_i and the relative
    /// distance ΔΔ^iθ'_t = ΔΔ^iθ_t / Δθ*ᵀv_i, per eigenspace. Where ELMO's step is 0 (g_i = 0, λ_i ≥ 0) the ratio is
    /// undefined: 0 is returned when ΔΔ^iθ_t = 0 too, else ±∞ with ΔΔ^iθ_t's sign (never NaN).
    /// </summary>
    /// <remarks>
    /// Range and accuracy: any finite Δθ. ΔΔ^i is the difference of the computed projection Δθᵀv_i (exact for V = ±I) and
    /// x_i rounded once (½ ulp), and ΔΔ'^i its quotient by x_i rounded once more (within 2 ulp of the exact ratio of the
    /// projection and x_i, subnormal results on the subnormal grid). A difference or a ratio whose exact value is beyond
    /// double.MaxValue is an <see cref="ArgumentException"/> naming step and that range (before stop 42 it came back as
    /// ±∞ silently: x = 2^-1074 and a projection 1 gave ΔΔ' = +∞ for the exact ≈ 2^1074).
    /// </remarks>
    /// <exception cref="ArgumentException">A non-finite step, a length other than n, or a result beyond double.MaxValue.</exception>
    public (double[] Distance, double[] Relative) DistanceFrom(Vector<double> step)
    {
        Require.Finite(step, nameof(step));
        Require.SameLength(Eigen.Dimension, step.Count, nameof(step));
        var projected = Eigen.Vectors.Transpose() * step;
        var distance = new double[Eigen.Dimension];
        var relative = new double[Eigen.Dimension];
        for (int i = 0; i < distance.Length; i++)
        {
            if (!double.IsFinite(projected[i]))
                throw new ArgumentException(
                    $"step's projection Δθᵀv_{i + 1} is beyond double.MaxValue (≈ 1.8e308); DistanceFrom's range needs it within.", nameof(step));
            distance[i] = projected[i] - EigenspaceSteps[i];
            if (double.IsInfinity(distance[i]))
                throw new ArgumentException(
                    $"the distance ΔΔ^{i + 1} = Δθᵀv_{i + 1} − x_{i + 1} = {Require.Show(projected[i])} − {Require.Show(EigenspaceSteps[i])} is beyond double.MaxValue (≈ 1.8e308); DistanceFrom's range needs it within.", nameof(step));
            relative[i] = EigenspaceSteps[i] != 0 ? distance[i] / EigenspaceSteps[i]
                : distance[i] == 0 ? 0.0 : Math.Sign(distance[i]) * double.PositiveInfinity;
            if (EigenspaceSteps[i] != 0 && double.IsInfinity(relative[i]))
                throw new ArgumentException(
                    $"the relative distance ΔΔ'^{i + 1} = {Require.Show(distance[i])}/{Require.Show(EigenspaceSteps[i])} is beyond double.MaxValue (≈ 1.8e308); DistanceFrom's range needs it within.", nameof(step));
        }
        return (distance, relative);
    }
}

/// <summary>
/// ELMO, elmo-amos Alg. 1: θ_{t+1} = θ_t + Σ_i x*_i v_i with x*_i of eq. (7) (<see cref="ElmoStep.Step"/>), the
/// eigenpairs from <see cref="SymmetricEigen"/> and the constants from an injectable LIPSCHITZ oracle.
/// The stopping rule f(θ_t) − f(θ*) &gt; ε is left to the caller (runs take a fixed number of steps).
/// Declares descent on convex quadratics, no ascent in concave directions and leaving strict saddles. check-optimizer
/// (constant L = 1) refutes quasi-Newton where g_i = 0, λ_i &lt; 0 (λ = [-4], b = [256], θ = [-64]: Δθ = 8, Φ = 0; Lemma 3.2's
/// caveat) and rotation equivariance when H has a repeated eigenvalue (x*_i is nonlinear in |g_i| and the eigenbasis of a
/// repeated eigenspace is arbitrary: λ = [24, -4, -24, 24] in a Hadamard basis, signed-permutation Q, steps differ by ≈ 0.4).
/// </summary>
public sealed class ElmoOptimizer : StatelessOptimizer, IQuasiNewtonOptimizer, IDeclaresGuarantees
{
    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } =
    [
        new DescentOnConvexQuadratics(double.PositiveInfinity),
        new NoAscentInConcaveDirections(),
        new LeavesStrictSaddles(),
    ];

    /// <summary>Creates ELMO with the LIPSCHITZ oracle <paramref name="lipschitz"/>.</summary>
    public ElmoOptimizer(ILipschitzOracle lipschitz) => Lipschitz = lipschitz ?? throw new ArgumentNullException(nameof(lipschitz));

    /// <summary>The configuration <c>check-optimizer</c> loads (its static-factory convention): a constant oracle L_t^i = 1.</summary>
    public static ElmoOptimizer CreateDefault() => new(new ConstantLipschitz(1));

    /// <summary>The LIPSCHITZ subroutine.</summary>
    public ILipschitzOracle Lipschitz { get; }

    /// <inheritdoc />
    public override string Name => $"elmo(L={Lipschitz.Name})";

    /// <summary>Lines 3–6 of Alg. 1 at θ_t.</summary>
    public ElmoIteration Iterate(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var l = LipschitzOracles.Checked(Lipschitz, objective, theta, eigen);
        return StepFor(eigen, l);
    }

    /// <summary>Lines 5–6 of Alg. 1 for given eigenpairs and constants (L_t^i &gt; 0).</summary>
    public static ElmoIteration StepFor(EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        var x = new double[eigen.Dimension];
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = ElmoStep.Step(eigen.Values[i], Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
            if (!double.IsFinite(x[i]))
                throw new ArgumentException(
                    $"lipschitz[{i}] = {Require.Show(lipschitz[i])} makes ELMO's step overflow (λ = {Require.Show(eigen.Values[i])}).",
                    nameof(lipschitz));
            step += x[i] * eigen.Vectors.Column(i);
        }
        if (!step.All(double.IsFinite))
            throw new ArgumentException("ELMO's step Σ x*_i·v_i has entries beyond double.MaxValue for these constants.", nameof(lipschitz));
        return new ElmoIteration(eigen, lipschitz.Clone(), x, step);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each x*_i within 1 ulp of eq. (7) for the computed eigensystem (exact for a diagonal H as stated on
    /// <see cref="Newton.Update"/>, whose normwise caveat applies); an overflowing x*_i is rejected naming lipschitz.
    /// </remarks>
    public override Vector<double> Update(IObjective objective, Vector<double> theta) => Iterate(objective, theta).Step;

    /// <summary>Φ^ELMO(θ) of Lemma 3.2 (see <see cref="ElmoIteration.Preconditioner"/> for where it differs from the step).</summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta) => Iterate(objective, theta).Preconditioner();
}
