using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Elmo;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// Cauchy's method as elmo-amos App. F.1 writes it per eigenspace: x_C = −2/(1 + √(1 − 2L_t^i g_i/λ_i²))·g_i/λ_i
/// (<see cref="CauchyStep.Along"/>), L_t^i from a LIPSCHITZ oracle. App. F.1's last line
/// (sgn(λ)√(λ² − 2Lg) − λ)/L equals sgn(λ)·x*(|λ|) with ELMO's x* of eq. (7); at λ_i = 0, where the first line is
/// undefined, that form is used with sgn(0) = +1 (the limit λ → 0⁺). (The first line as written returned 0 where
/// 2L|g|/λ² overflows: check-optimizer found Δθ = 0 at λ ≈ 9.6e-299; <see cref="CauchyStep.Along"/> no longer does.)
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
    /// <remarks>
    /// <see cref="CauchyStep.Along"/> for λ ≠ 0 (within 1 ulp everywhere); at λ = 0 (±0.0) the limit λ → 0⁺ of
    /// App. F.1's last line, x*(0, |g|, L) = √(2|g|/L) from <see cref="ElmoStep.Step"/>, with the same accuracy.
    /// ±∞ exactly when the exact magnitude is at least double.MaxValue + ½ ulp.
    /// </remarks>
    /// <exception cref="ArgumentException">g &gt; 0, L ≤ 0, or non-finite input.</exception>
    public static double Along(double lambda, double gProjection, double lipschitz)
    {
        if (lambda != 0)
            return CauchyStep.Along(lambda, gProjection, lipschitz);
        Require.Finite(gProjection, nameof(gProjection));
        if (gProjection > 0)
            throw new ArgumentException($"gProjection must be ≤ 0 (eq. 1's sign convention), got {Require.Show(gProjection)}.", nameof(gProjection));
        return ElmoStep.Step(0.0, -gProjection, lipschitz);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each x_C within 1 ulp of App. F.1 (<see cref="Along"/>) for the computed eigensystem (exact for a diagonal H as
    /// stated on <see cref="Newton.Update"/>, whose normwise caveat applies); an overflowing x_C is rejected naming theta.
    /// </remarks>
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
