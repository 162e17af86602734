using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace FlawedOptimizers;

/// <summary>
/// A damped Newton method with a deliberate, realistic flaw: Φ = H⁻¹ built from the eigendecomposition with each
/// eigenvalue floored in magnitude (|λ| ≥ δ) but keeping its sign, so Φ = V·diag(1/λ)·Vᵀ has a negative eigenvalue
/// wherever H does. It is not a quasi-Newton preconditioner (elmo-amos Definition 3 needs Φ ⪰ 0), and along a concave
/// eigenvector its step −g_i/λ_i goes uphill. ELMO's preconditioner (Lemma 3.2) uses the magnitudes instead.
/// It declares what its author believes, and <c>check-optimizer</c> catches the two wrong declarations.
/// </summary>
public sealed class NaiveNewton : StatelessOptimizer, IQuasiNewtonOptimizer, IDeclaresGuarantees
{
    /// <summary>The magnitude floor δ on eigenvalues (keeps Φ finite at singular H).</summary>
    public const double Floor = 1e-8;

    /// <summary>Created by <c>check-optimizer</c> through its public parameterless constructor.</summary>
    public NaiveNewton()
    {
    }

    /// <inheritdoc />
    public override string Name => "naive-newton(δ=1e-8)";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; } =
    [
        new QuasiNewton(),                                    // wrong: Φ has negative eigenvalues on indefinite H
        new DescentOnConvexQuadratics(double.PositiveInfinity), // right: one step to the minimizer
        new NoAscentInConcaveDirections(),                    // wrong: the flaw
        new ObjectiveScaleInvariance(),                       // wrong at singular H: the floor δ does not scale with f
    ];

    /// <summary>
    /// Δθ = −Φ∇f applied in the eigenbasis, −V·diag(1/λ̃)·(Vᵀ∇f): forming Φ first would cancel catastrophically when
    /// the eigenvalues span many decades (at λ = (0, 1e301) every entry of Φ is ≈ 1/δ and Φ∇f rounds to 0, a step
    /// that check-optimizer rightly refutes as no descent on a convex quadratic).
    /// </summary>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var g = objective.Gradient(theta);
        var (v, inverse) = InverseEigenvalues(objective, theta);
        var coordinates = v.TransposeThisAndMultiply(g);
        for (int i = 0; i < coordinates.Count; i++)
            coordinates[i] *= inverse[i];
        return -(v * coordinates);
    }

    /// <summary>Φ = V·diag(1/λ̃)·Vᵀ with λ̃ = sign(λ)·max(|λ|, δ): the flaw is the sign.</summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var (v, inverse) = InverseEigenvalues(objective, theta);
        return v * Matrix<double>.Build.DiagonalOfDiagonalArray(inverse) * v.Transpose();
    }

    private static (Matrix<double> Vectors, double[] Inverse) InverseEigenvalues(IObjective objective, Vector<double> theta)
    {
        var eigen = SymmetricEigen.Decompose(objective.Hessian(theta), objective.Gradient(theta));
        var inverse = eigen.Values.Select(l => 1 / (l < 0 ? -Math.Max(-l, Floor) : Math.Max(l, Floor))).ToArray();
        return (eigen.Vectors, inverse);
    }
}
