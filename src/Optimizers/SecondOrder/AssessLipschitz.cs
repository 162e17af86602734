using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// ASSESS_LIPSCHITZ of elmo-amos Alg. 3 (App. J.1): for candidate constants (L̂^i) the ratio of the descent ELMO's
/// step Δθ*(L̂) = Σ_i x*_i(L̂^i)·v_i actually obtains to the descent its pessimistic model promises,
/// (f(θ_t) − f(θ_t + Δθ*)) / (−Σ_i M_t^i(x*_i)). A ratio ≥ 1 means Σ_i M_t^i bounded the realized change (eq. 5).
/// </summary>
public static class AssessLipschitz
{
    /// <summary>
    /// The ratio. Where the step is zero (every x*_i = 0: ∇f = 0 and H ⪰ 0) both descents are 0 and the model is
    /// exact, so 1 is returned; where the step or f at the trial point is not finite, −∞ (the assessment fails).
    /// </summary>
    /// <remarks>
    /// Range: θ finite, L_i finite and &gt; 0, the eigensystem's λ_i, v_i and g_i = ∇fᵀv_i finite with g_i ≤ 0 (eq. 1's
    /// orientation; a positive g_i would step uphill and is rejected). Accuracy, against the exact
    /// R = (f̂(θ) − f̂(fl(θ + Δθ̂)))/(−Σ_i M_i(x̂_i)) of the objective's two returned values f̂ and the computed steps x̂_i
    /// (u = 2^-53): at x* each −M_i ≥ 0 and its terms T_i = |g_i|x + |λ_i|x²/2 + L_i x³/6 are at most 5|M_i| (eq. 7's
    /// |g| = λx + Lx²/2 substituted), so CubicUpperModel's 6u·T_i + 2^-1075 is at most 30u·|M_i| + 2^-1075, the sum adds
    /// n − 1 roundings of non-negative terms, the difference and the quotient one each: the ratio is within
    /// γ_{2n+33}·|R| + 2^-1075. The promise must be at least 2^-1022, where its n·2^-1075 is below n·u of it; a promise
    /// below that (its digits lost to underflow; 0 included, where the step is not zero) gives −∞, as does a promise or a
    /// ratio beyond ±double.MaxValue. A difference f̂(θ) − f̂(θ + Δθ̂) beyond the range is formed from exact halves, so the
    /// ratio is finite wherever R is within the range.
    /// </remarks>
    /// <exception cref="ArgumentException">An argument outside the range above (named), or a length mismatch.</exception>
    public static double Ratio(IObjective objective, Vector<double> theta, EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Finite(theta, nameof(theta));
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        RequireOriented(eigen, theta.Count);
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        double promised = 0;
        for (int i = 0; i < eigen.Dimension; i++)
        {
            double x = ElmoStep.Step(eigen.Values[i], Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
            if (!double.IsFinite(x))
                return double.NegativeInfinity;
            promised -= CubicUpperModel.Evaluate(eigen.GradientProjections[i], eigen.Values[i], lipschitz[i], x);
            step += x * eigen.Vectors.Column(i);
        }
        if (promised == 0 && step.All(v => v == 0))
            return 1.0;
        var trial = theta + step;
        if (!trial.All(double.IsFinite) || !double.IsFinite(promised) || !(promised >= SmallestNormal))
            return double.NegativeInfinity;
        double after = objective.Value(trial);
        if (!double.IsFinite(after))
            return double.NegativeInfinity;
        double before = objective.Value(theta);
        double decrease = before - after;
        double ratio = double.IsInfinity(decrease) && double.IsFinite(before)
            ? (before / 2 - after / 2) / promised * 2
            : decrease / promised;
        return double.IsFinite(ratio) ? ratio : double.NegativeInfinity;
    }

    /// <summary>2^-1022: a promise below it has lost relative digits to underflow.</summary>
    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>Checks the eigensystem's entries (finite, g_i ≤ 0 by eq. 1) and the vectors' shape, naming eigen.</summary>
    private static void RequireOriented(EigenSystem eigen, int dimension)
    {
        if (eigen.Values.Length != eigen.GradientProjections.Length || eigen.Vectors.ColumnCount != eigen.Dimension || eigen.Vectors.RowCount != dimension)
            throw new ArgumentException(
                $"eigen must have {eigen.Dimension} values, projections and vectors of length {dimension}, got {eigen.GradientProjections.Length} projections and a {eigen.Vectors.RowCount}×{eigen.Vectors.ColumnCount} V.",
                nameof(eigen));
        for (int i = 0; i < eigen.Dimension; i++)
            if (!double.IsFinite(eigen.Values[i]) || !(eigen.GradientProjections[i] <= 0) || double.IsInfinity(eigen.GradientProjections[i]))
                throw new ArgumentException(
                    $"eigen needs finite λ_i and projections g_i = ∇fᵀv_i ≤ 0 (eq. 1), got λ_{i} = {Require.Show(eigen.Values[i])}, g_{i} = {Require.Show(eigen.GradientProjections[i])}.",
                    nameof(eigen));
        if (!eigen.Vectors.Enumerate().All(double.IsFinite))
            throw new ArgumentException("eigen's vectors must be finite.", nameof(eigen));
    }
}
