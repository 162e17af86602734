using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Claims.Catalog.Elmo.Shared;

/// <summary>
/// The quantities of Lemma 3.1, Lemma M.2 and the first proof in M.2 at one <see cref="TaylorCase"/>, in arithmetic T:
/// θ_t and Δθ_t are the inputs, θ_{t+1} = θ_t + Δθ_t (exact in rational arithmetic), and
/// R = f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ_t − ½Δθ_tᵀHΔθ_t. For an orthonormal eigenbasis (v_i) of H(θ_t),
/// Σ_i M_t^i(Δθ_tᵀv_i) = ∇fᵀΔθ_t + ½Δθ_tᵀHΔθ_t + Σ_i (L_t^i/6)|Δθ_tᵀv_i|³ (eq. 3), so eqs. (5), (6) read
/// R ≤ Σ_i (L_t^i/6)|c_i|³ and −R ≤ Σ_i (L_t^i/6)|c_i|³ with c_i = Δθ_tᵀv_i.
/// </summary>
internal sealed class TaylorTerms<T> where T : IReal<T>
{
    /// <summary>
    /// The double-only rounding allowance of the relations on R, in units of their scale (which contains
    /// <see cref="TermScale"/>, the size of every term R sums): 256·2⁻⁵² ≈ 5.7e-14. Each of the terms is a sum of at most a
    /// few dozen products and elementary functions accurate to a few ulps, so 256 ulps of their size covers the rounding
    /// of R, and rounding does not send every input to exact arithmetic (where R ≤ rhs is decided without it).
    /// </summary>
    internal static readonly double Allowance = Math.ScaleB(256, -52);

    internal TaylorTerms(TaylorCase c)
    {
        F = c.F;
        var theta = RealVector.Input<T>(c.Theta);
        Step = RealVector.Input<T>(c.Step);
        var next = theta.Zip(Step, (a, b) => a + b).ToArray();
        T f0 = F.Value(theta), f1 = F.Value(next);
        var gradient = F.Gradient(theta);
        Hessian = F.Hessian(theta);
        Linear = RealVector.Dot(gradient, Step);
        Quadratic = RealVector.Dot(Step, Hessian * Step);
        Remainder = f1 - f0 - Linear - Quadratic / 2;
        T linearTerms = T.Of(0), quadraticTerms = T.Of(0);
        for (int i = 0; i < Step.Length; i++)
        {
            linearTerms += T.Abs(gradient[i] * Step[i]);
            for (int j = 0; j < Step.Length; j++)
                quadraticTerms += T.Abs(Step[i] * Hessian[i, j] * Step[j]);
        }
        QuadraticTerms = quadraticTerms;
        TermScale = F.TermMagnitude(next) + F.TermMagnitude(theta) + linearTerms + quadraticTerms / 2;
        NormSquared = RealVector.Dot(Step, Step);
    }

    internal IGenericObjective F { get; }

    /// <summary>Δθ_t.</summary>
    internal T[] Step { get; }

    /// <summary>H(θ_t).</summary>
    internal RealMatrix<T> Hessian { get; }

    /// <summary>∇f(θ_t)ᵀΔθ_t.</summary>
    internal T Linear { get; }

    /// <summary>Δθ_tᵀH(θ_t)Δθ_t.</summary>
    internal T Quadratic { get; }

    /// <summary>R = f(θ_{t+1}) − f(θ_t) − ∇fᵀΔθ_t − ½Δθ_tᵀHΔθ_t.</summary>
    internal T Remainder { get; }

    /// <summary>Σ_ij|Δ_i H_ij Δ_j|: the size of the terms of Δθ_tᵀHΔθ_t.</summary>
    internal T QuadraticTerms { get; }

    /// <summary>
    /// ‖f‖(θ_{t+1}) + ‖f‖(θ_t) + Σ_i|∂_i f Δ_i| + ½Σ_ij|Δ_i H_ij Δ_j| (‖f‖ = <see cref="IGenericObjective.TermMagnitude"/>):
    /// the size of every term R sums, what its rounding is proportional to.
    /// </summary>
    internal T TermScale { get; }

    /// <summary>‖Δθ_t‖².</summary>
    internal T NormSquared { get; }

    /// <summary>
    /// |c_i|³ = |Δθ_tᵀv_i|³ per eigenvector: over the coordinate axes in coordinate order where H is diagonal by
    /// construction (separable functions: the order the per-term constants index), else over the eigenvectors of H(θ_t)
    /// in ascending eigenvalue order (<see cref="SymmetricEigenCoordinates"/>: exact enclosures in rational arithmetic).
    /// </summary>
    internal T[] CubedCoordinates()
    {
        var squares = F.HasDiagonalHessian
            ? [.. Step.Select(x => x * x)]
            : SymmetricEigenCoordinates.Squared(Hessian, Step);
        return [.. squares.Select(s => s * T.Sqrt(s))];
    }

    /// <summary>Σ_i (L_i/6)|c_i|³ for per-eigenvector constants L_i (in <see cref="CubedCoordinates"/>' order).</summary>
    internal T CubicSum(IReadOnlyList<T> constants)
    {
        // Every L_i = 0 (L_H of a quadratic): the sum is 0 in any eigenbasis, and no eigenvector needs enclosing.
        if (constants.All(l => T.Sign(l) == 0))
            return T.Of(0);
        var cubes = CubedCoordinates();
        T sum = T.Of(0);
        for (int i = 0; i < cubes.Length; i++)
            sum += constants[i] * cubes[i];
        return sum / 6;
    }
}
