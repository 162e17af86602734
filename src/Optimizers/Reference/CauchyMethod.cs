using MathNet.Numerics.LinearAlgebra;
using Verification.Math;
using Verification.Optimizers.Guarantees;

namespace Verification.Optimizers.Reference;

/// <summary>
/// Cauchy's method as elmo-amos App. F.1 writes it per eigenspace: x_C = −2/(1 + √(1 − 2L_t^i g_i/λ_i²))·g_i/λ_i
/// (<see cref="CauchyStep.Along"/>), L_t^i from a LIPSCHITZ oracle. App. F.1's last line
/// (sgn(λ)√(λ² − 2Lg) − λ)/L equals sgn(λ)·x*(|λ|) with ELMO's x* of eq. (7); this form is used where the first
/// line is undefined or overflows: at λ_i = 0 (taking sgn(0) = +1, the limit λ → 0⁺) and where 2L|g|/λ² overflows
/// (then the first line returns 0 for g ≠ 0 or a non-finite value: check-optimizer found Δθ = 0 at λ ≈ 9.6e-299).
/// For λ_i &lt; 0 the step goes against −∇f along v_i (toward the local maximum of the cubic), as written.
/// </summary>
public sealed class CauchyMethod : StatelessOptimizer, IDeclaresGuarantees
{
    /// <summary>
    /// On convex quadratics Cauchy's step equals ELMO's (App. F.1), so it descends for any L; it promises nothing in
    /// concave directions (it steps toward the cubic's local maximum there).
    /// </summary>
    public IReadOnlyList<Guarantee> Guarantees { get; } = [new DescentOnConvexQuadratics(double.PositiveInfinity)];

    /// <summary>Cauchy's method with a constant L = 1 (what check-optimizer loads by name).</summary>
    public static CauchyMethod CreateDefault() => new(new ConstantLipschitz(1));

    /// <summary>Creates Cauchy's method with the LIPSCHITZ oracle <paramref name="lipschitz"/>.</summary>
    public CauchyMethod(ILipschitzOracle lipschitz) => Lipschitz = lipschitz ?? throw new ArgumentNullException(nameof(lipschitz));

    /// <summary>The LIPSCHITZ subroutine.</summary>
    public ILipschitzOracle Lipschitz { get; }

    /// <inheritdoc />
    public override string Name => $"cauchy(L={Lipschitz.Name})";

    /// <summary>x_C along one eigenvector: λ, g = ∇fᵀv ≤ 0, L &gt; 0.</summary>
    public static double Along(double lambda, double gProjection, double lipschitz)
    {
        if (lambda != 0)
        {
            double x = CauchyStep.Along(lambda, gProjection, lipschitz);
            // An overflowed 2L|g|/λ² makes the first line 0 (or NaN) although the step is not: use the last line then.
            if (double.IsFinite(x) && (x != 0 || gProjection == 0))
                return x;
        }
        Require.Finite(lambda, nameof(lambda));
        if (gProjection > 0)
            throw new ArgumentException($"gProjection must be ≤ 0 (eq. 1's sign convention), got {Require.Show(gProjection)}.", nameof(gProjection));
        double magnitude = Elmo.Step(System.Math.Abs(lambda), -gProjection, lipschitz);
        return lambda < 0 ? -magnitude : magnitude;
    }

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Require.Finite(theta, nameof(theta));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var l = LipschitzOracles.Checked(Lipschitz, objective, theta, eigen);
        var x = new double[eigen.Dimension];
        for (int i = 0; i < x.Length; i++)
            x[i] = Along(eigen.Values[i], eigen.GradientProjections[i], l[i]);
        return Newton.Combine(eigen, x);
    }
}
