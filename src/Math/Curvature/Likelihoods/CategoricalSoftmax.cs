using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// p(y = c|f) = softmax(f)_c = π_c (eq. D.12), natural parameters f ∈ ℝ^C: log p = f_c − log Σ_i e^{f_i};
/// ∇ = e_c − π; ∇² = −(diag(π) − ππᵀ) (eq. D.16). Labels 0, …, C − 1.
/// </summary>
public sealed class CategoricalSoftmax : LikelihoodBase
{
    /// <summary>C classes, C ≥ 2.</summary>
    public CategoricalSoftmax(int classes)
    {
        if (classes < 2)
            throw new ArgumentException($"classes must be ≥ 2, got {classes}.", nameof(classes));
        Classes = classes;
    }

    /// <summary>C.</summary>
    public int Classes { get; }

    /// <inheritdoc />
    public override string Name => $"categorical-softmax(C={Classes})";

    /// <inheritdoc />
    public override int OutputDimension => Classes;

    /// <inheritdoc />
    public override bool IsNaturalParameterization => true;

    /// <inheritdoc />
    protected override void ValidateSupport(double y, string name) => RequireIndex(y, Classes, name);

    /// <inheritdoc />
    public override T LogDensity<T>(double y, T[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f[(int)y] - LogSumExp.Of(f);
    }

    /// <inheritdoc />
    protected override double LogDensityUnchecked(double y, Vector<double> f) =>
        LogDensity((int)y, f.Select(x => new Real(x)).ToArray()).Value;

    /// <inheritdoc />
    protected override Vector<double> GradientUnchecked(double y, Vector<double> f)
    {
        var pi = LogSumExp.Softmax(f.ToArray());
        var g = Vector<double>.Build.Dense(Classes, i => -pi[i]);
        g[(int)y] += 1;
        return g;
    }

    /// <inheritdoc />
    protected override Matrix<double> HessianUnchecked(double y, Vector<double> f)
    {
        var pi = LogSumExp.Softmax(f.ToArray());
        return Matrix<double>.Build.Dense(Classes, Classes, (i, j) => (i == j ? -pi[i] : 0) + pi[i] * pi[j]);
    }

    /// <inheritdoc />
    protected override ExpectationRule ExpectationUnchecked(Vector<double> f) =>
        new(Enumerable.Range(0, Classes).Select(c => (double)c).ToArray(), LogSumExp.Softmax(f.ToArray()), 0,
            "exact sum over the C classes");
}
