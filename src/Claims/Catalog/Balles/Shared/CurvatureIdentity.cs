using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles.Shared;

/// <summary>
/// A matrix identity of chapter 7, L(θ) = R(θ) entrywise, written once over <see cref="IReal{T}"/> on a
/// <see cref="CurvatureProblem{T}"/>: in doubles for the search, in rational intervals (exact rationals; exp, log, √
/// enclosed at 128–2048 bits) to certify. The margin of entry (i, j) is |L_ij − R_ij| over the problem's term scale
/// (<see cref="CurvatureProblem{T}.TermScale"/>), so cancellation is accounted for.
/// </summary>
internal abstract class CurvatureIdentity : Statement<CurvatureCase>
{
    /// <summary>
    /// The double-only allowance, in units of the term scale: each side sums at most a few hundred rounded products of terms no
    /// larger than the scale (N ≤ 4 samples, ≤ 3 expectation nodes, d ≤ 15, forward-mode passes), so double rounding stays near
    /// 1e-14 of the scale; 1e-12 keeps that noise from flooding the exact check, while a wrong formula is off by O(1).
    /// </summary>
    internal const double Allowance = 1e-12;

    internal const string ToleranceText =
        "Double-precision allowance 1e-12 of the term scale (a few hundred roundings per entry of terms no larger than the scale); " +
        "every violation beyond it is re-evaluated exactly (rational intervals with exp, log and √ enclosures at 128–2048 bits), which decides.";

    internal const string TermScaleUnit =
        "relative to the size of the summed terms, Σ_n ‖J_n‖²_F(1 + G_n² + H_n) + G_n·Σ_m Σ|∇²f_n^(m)| (G_n, H_n: the largest ‖∇_f log p‖₁ and " +
        "Σ|∇²_f log p| over the expectation nodes and the training label)";

    /// <summary>Sets the shared margin unit (each formalization sets <see cref="ToleranceText"/> as its tolerance).</summary>
    protected CurvatureIdentity() => MarginUnit = TermScaleUnit;

    /// <summary>Both sides of the identity on the problem (its outputs are in the likelihood's domain).</summary>
    protected abstract (RealMatrix<T> Lhs, RealMatrix<T> Rhs) Sides<T>(CurvatureProblem<T> problem) where T : IReal<T>;

    /// <summary>The margin's scale (default: the problem's term scale).</summary>
    protected virtual T Scale<T>(CurvatureProblem<T> problem) where T : IReal<T> => problem.TermScale();

    /// <inheritdoc />
    public override Relation<T> Evaluate<T>(CurvatureCase input)
    {
        var problem = input.Problem<T>();
        Assume.That(problem.OutputsInDomain(), "an output f(x_n, θ) is outside the likelihood's domain");
        var (lhs, rhs) = Sides(problem);
        return MatrixRelation.Equal(lhs, rhs, Scale(problem), Allowance);
    }
}
