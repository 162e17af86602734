using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// Shared validation for the likelihoods: every public entry checks f and y before computing, and rejects a result that
/// leaves the double range (an entry beyond ±double.MaxValue, which would otherwise come back as ±∞ or NaN) with an
/// <see cref="ArgumentException"/> naming f, y and that range.
/// </summary>
public abstract class LikelihoodBase : ILikelihood
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int OutputDimension { get; }

    /// <inheritdoc />
    public abstract bool IsNaturalParameterization { get; }

    /// <summary>
    /// True when log p(y|f) depends on y and f₀ only through y − f₀ (the Gaussian likelihoods, f₀ = μ), so that a quantity
    /// at (y, f) may be evaluated at (y − f₀, f with f₀ = 0): the curvature matrices evaluate the expectation rule's nodes
    /// there, at their <see cref="ExpectationRule.Offsets"/>.
    /// </summary>
    internal virtual bool IsLocationFamily => false;

    /// <inheritdoc />
    public void ValidateOutput(Vector<double> f, string name)
    {
        Require.Finite(f, name);
        Require.SameLength(OutputDimension, f.Count, name);
        ValidateDomain(f, name);
    }

    /// <inheritdoc />
    public void ValidateLabel(double y, string name)
    {
        Require.Finite(y, name);
        ValidateSupport(y, name);
    }

    /// <summary>Domain check beyond length and finiteness (default: all of ℝ^M).</summary>
    protected virtual void ValidateDomain(Vector<double> f, string name)
    {
    }

    /// <summary>Support check beyond finiteness.</summary>
    protected abstract void ValidateSupport(double y, string name);

    /// <summary>Rejects a label that is not one of 0, 1, …, count − 1 (count = null: any natural number).</summary>
    protected static void RequireIndex(double y, int? count, string name)
    {
        if (!double.IsFinite(y) || y < 0 || y != Math.Floor(y) || (count is int c && y >= c))
            throw new ArgumentException(
                $"{name} must be an integer in [0, {(count is int k ? (k - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "∞")}], got {Require.Show(y)}.", name);
    }

    /// <inheritdoc />
    public double LogDensity(double y, Vector<double> f)
    {
        Check(y, f);
        double value = LogDensityUnchecked(y, f);
        RequireInRange([value], "log p(y|f)", y, f);
        return value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(double y, Vector<double> f)
    {
        Check(y, f);
        var value = GradientUnchecked(y, f);
        RequireInRange(value, "∇_f log p(y|f)", y, f);
        return value;
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(double y, Vector<double> f)
    {
        Check(y, f);
        var value = HessianUnchecked(y, f);
        RequireInRange(value.Enumerate(), "∇²_f log p(y|f)", y, f);
        return value;
    }

    /// <summary>
    /// ∇_f log p(y|f) as g_m = M_m·2^(E_m) where the curvature matrices need it instead of <see cref="Gradient"/>: some
    /// nonzero entry lies below 2^-1022, so that its double loses digits or is 0 before J_n scales it back up in a score
    /// (the Gaussian's (y − f)/σ² for a large σ², −e^f of the logit and Poisson likelihoods and the softmax's π_c below
    /// e^-708). Null elsewhere (then <see cref="Gradient"/>, bit for bit as before), where an entry is beyond
    /// ±double.MaxValue (then <see cref="Gradient"/>'s rejection), and for likelihoods without this form. Each entry is
    /// within the accuracy the likelihood states for ∇, relatively, with no absolute 2^-1074 term.
    /// </summary>
    /// <exception cref="ArgumentException">y or f invalid.</exception>
    internal ScaledVector? GradientScaledWhereNeeded(double y, Vector<double> f)
    {
        Check(y, f);
        return GradientScaledUnchecked(y, f) is { AnyBelowNormal: true, AnyBeyondRange: false } g ? g : null;
    }

    /// <summary>The form of <see cref="GradientScaledWhereNeeded"/> on validated arguments; null unless overridden.</summary>
    private protected virtual ScaledVector? GradientScaledUnchecked(double y, Vector<double> f) => null;

    /// <summary>
    /// ∇²_f log p(y|f) as H_ij = M_ij·2^(E_ij) where some nonzero entry lies below 2^-1022, so that its double loses digits
    /// or is 0 before J_n scales it back up in J_nᵀ∇²_f log p J_n (the logit's −σ(f)σ(−f) and the Poisson's −λ beyond
    /// |f| = 700, the softmax's π_iπ_j and −π_iΣ_{c≠i}π_c where a class is e^-600 below the largest). Null elsewhere (then
    /// <see cref="Hessian"/>, bit for bit as before, or <see cref="HessianFactorsWhereNeeded"/>) and for likelihoods without
    /// this form. Each entry is within the accuracy the likelihood states for ∇², relatively, with no absolute 2^-1074 term.
    /// </summary>
    /// <exception cref="ArgumentException">y or f invalid.</exception>
    internal ScaledMatrix? HessianScaledWhereNeeded(double y, Vector<double> f)
    {
        Check(y, f);
        return HessianScaledUnchecked(y, f) is { Entries: { AnyBelowNormal: true, AnyBeyondRange: false } } h ? h : null;
    }

    /// <summary>The form of <see cref="HessianScaledWhereNeeded"/> on validated arguments; null unless overridden.</summary>
    private protected virtual ScaledMatrix? HessianScaledUnchecked(double y, Vector<double> f) => null;

    /// <summary>
    /// The weights w_k of <see cref="Expectation"/>(f) (same order as its labels) as M_k·2^(E_k) where some nonzero w_k lies
    /// below 2^-1022, so that its double loses digits or is 0 before J_n scales the Fisher's and E[−∇²]'s terms back up
    /// (σ(∓f) of the logit beyond |f| = 700, the Poisson's p(y) where log p(y) &lt; −700, the softmax's π_c). Null elsewhere
    /// (then the rule's double weights, bit for bit as before) and for likelihoods without this form. Each weight is within
    /// the accuracy the likelihood states for it, relatively, with no absolute 2^-1074 term.
    /// </summary>
    /// <exception cref="ArgumentException">f invalid, or outside the rule's own range (as <see cref="Expectation"/>).</exception>
    internal ScaledVector? WeightsScaledWhereNeeded(Vector<double> f)
    {
        ValidateOutput(f, nameof(f));
        return WeightsScaledUnchecked(f) is { AnyBelowNormal: true, AnyBeyondRange: false } w ? w : null;
    }

    /// <summary>The form of <see cref="WeightsScaledWhereNeeded"/> on a validated f; null unless overridden.</summary>
    private protected virtual ScaledVector? WeightsScaledUnchecked(Vector<double> f) => null;

    /// <summary>
    /// ∇²_f log p(y|f) as the entrywise product P ⊙ Q of two finite matrices, for a likelihood whose Hessian can lie beyond
    /// the double range where the curvature matrices built from it (J_nᵀ∇²_f log p J_n with a small J_n, or weighted by a
    /// small probability) do not; null where the likelihood has no such form (then <see cref="Hessian"/> is the only one).
    /// </summary>
    /// <exception cref="ArgumentException">y or f invalid, or a factor itself beyond ±double.MaxValue (naming f).</exception>
    internal (Matrix<double> P, Matrix<double> Q)? HessianFactors(double y, Vector<double> f)
    {
        Check(y, f);
        var factors = HessianFactorsUnchecked(y, f);
        if (factors is { } pair)
            RequireInRange(pair.P.Enumerate().Concat(pair.Q.Enumerate()), "a factor of ∇²_f log p(y|f)", y, f);
        return factors;
    }

    /// <summary>
    /// <see cref="HessianFactors"/> where a curvature matrix needs them instead of <see cref="Hessian"/>: an entry P_ij·Q_ij
    /// beyond ±double.MaxValue (the Bernoulli probability's −1/q² below q ≈ 7.5e-155), or one that may fall below 2^-1022
    /// (binary exponents of nonzero P_ij and Q_ij summing to at most −1020: the Gaussian mean–variance entries −a/v and
    /// (1/(2v) − a²)/v beyond v ≈ 1e154), where it loses digits or rounds to 0 before J scales it back up. Null elsewhere
    /// (then <see cref="Hessian"/>, bit for bit as before) and for likelihoods without factors.
    /// </summary>
    /// <exception cref="ArgumentException">y or f invalid, or a factor itself beyond ±double.MaxValue (naming f).</exception>
    internal (Matrix<double> P, Matrix<double> Q)? HessianFactorsWhereNeeded(double y, Vector<double> f)
    {
        if (HessianFactors(y, f) is not { } factors)
            return null;
        for (int i = 0; i < factors.P.RowCount; i++)
            for (int j = 0; j < factors.P.ColumnCount; j++)
            {
                double p = factors.P[i, j], q = factors.Q[i, j];
                if (!double.IsFinite(p * q) || (p != 0 && q != 0 && ScaledCurvatureSum.ProductMayUnderflow(Math.ILogB(p), Math.ILogB(q))))
                    return factors;
            }
        return null;
    }

    /// <summary>The factors of <see cref="HessianFactors"/> on validated arguments; null unless overridden.</summary>
    private protected virtual (Matrix<double> P, Matrix<double> Q)? HessianFactorsUnchecked(double y, Vector<double> f) => null;

    /// <inheritdoc />
    public abstract T LogDensity<T>(double y, T[] f) where T : IDualScalar<T>;

    /// <inheritdoc />
    public ExpectationRule Expectation(Vector<double> f)
    {
        ValidateOutput(f, nameof(f));
        var rule = ExpectationUnchecked(f);
        RequireInRange(rule.Labels.Concat(rule.Weights), "the expectation rule's nodes and weights", null, f);
        return rule;
    }

    /// <summary>log p(y|f) on validated arguments.</summary>
    protected abstract double LogDensityUnchecked(double y, Vector<double> f);

    /// <summary>∇_f log p on validated arguments.</summary>
    protected abstract Vector<double> GradientUnchecked(double y, Vector<double> f);

    /// <summary>∇²_f log p on validated arguments.</summary>
    protected abstract Matrix<double> HessianUnchecked(double y, Vector<double> f);

    /// <summary>The expectation rule on a validated f.</summary>
    protected abstract ExpectationRule ExpectationUnchecked(Vector<double> f);

    private void Check(double y, Vector<double> f)
    {
        ValidateOutput(f, nameof(f));
        ValidateLabel(y, nameof(y));
    }

    /// <summary>Throws where a computed result left the double range (±∞ or NaN).</summary>
    private void RequireInRange(IEnumerable<double> values, string what, double? y, Vector<double> f)
    {
        if (values.All(double.IsFinite))
            return;
        string at = $"f = {Require.ShowAll(f)}" + (y is double label ? $", y = {Require.Show(label)}" : "");
        throw new ArgumentException(
            $"{what} of {Name} is beyond the double range at {at}; the documented range needs every result within ±double.MaxValue.", nameof(f));
    }

    /// <summary>A 1×1 matrix.</summary>
    protected static Matrix<double> Scalar(double value) => Matrix<double>.Build.Dense(1, 1, value);

    /// <summary>A length-1 vector.</summary>
    protected static Vector<double> One(double value) => Vector<double>.Build.Dense(1, value);
}
