using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Optimizers.NaturalGradient;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The same objective as <see cref="MeanNegativeLogLikelihood"/> for a scalar <see cref="LinearModel"/> with a scalar natural
/// likelihood, in direct loops over the features (no per-sample matrices): R/N, ∇R/N, F/N = ∇²R/N = (1/N)Σ_n w_n x̃_n x̃_nᵀ
/// (Prop. 7.1, b_n linear) and F̃/N = (1/N)Σ_n s_n² x̃_n x̃_nᵀ. For the long EFGD paths of the Fig. 7.3 plot; a test checks it
/// against the general objective.
/// </summary>
/// <remarks>
/// Accuracy: the per-sample (∂_f log p, −∂²_f log p) are <see cref="GeneralizedLinearFit.ScalarDerivatives"/>' (for the
/// Bernoulli logit the likelihood's own σ(−f) forms, within 3 and 7 ulp over every finite f: y − σ(f) and σ(f)(1 − σ(f))
/// as written were 0 above f ≈ 37, exact ≈ e^{−f}); the sums over samples and features are plain doubles, within
/// (N + d + 2)·u·Σ_n|terms| (first order).
/// </remarks>
public sealed class GeneralizedLinearObjective : IFisherObjective
{
    private readonly double[][] _features;
    private readonly double[] _labels;
    private readonly ILikelihood _likelihood;
    private readonly Func<double, double, (double, double)> _derivatives;

    /// <summary>Binds the model, likelihood and data.</summary>
    /// <exception cref="ArgumentException">Not a scalar linear model with Gaussian-identity, Bernoulli-logit or Poisson-log; or the data do not fit.</exception>
    public GeneralizedLinearObjective(LinearModel model, ILikelihood likelihood, Dataset data, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(data);
        if (model.OutputDimension != 1)
            throw new ArgumentException($"model must have one output, got {model.OutputDimension}.", nameof(model));
        _derivatives = GeneralizedLinearFit.ScalarDerivatives(likelihood)
            ?? throw new ArgumentException($"likelihood must be scalar and natural with a closed form here, got {likelihood.Name}.", nameof(likelihood));
        _ = new LikelihoodProblem(model, likelihood, data); // validates dimensions and labels
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("name must not be empty.", nameof(name));
        _features = data.Inputs.Select(model.Features).ToArray();
        _labels = data.Labels.ToArray();
        _likelihood = likelihood;
        Dimension = model.ParameterDimension;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    private double F(int n, Vector<double> theta)
    {
        double f = 0;
        for (int j = 0; j < Dimension; j++)
            f += theta[j] * _features[n][j];
        return f;
    }

    private Vector<double> Check(Vector<double> theta)
    {
        Verification.Numerics.Require.Finite(theta, nameof(theta));
        Verification.Numerics.Require.SameLength(Dimension, theta.Count, nameof(theta));
        return theta;
    }

    /// <summary>
    /// R/N = −(1/N)Σ_n log p(y_n | f_n): each log p within its likelihood's stated bound (Bernoulli logit 10 ulp) at the
    /// computed f_n, the sum within (N − 1)u·Σ_n|log p_n| and the division one more rounding. Where the plain sum overflows
    /// though its mean need not (two terms of 1.5e308 gave +∞), the terms divided by N are summed unrounded
    /// (<see cref="Verification.Numerics.ScaledSum"/>, one rounding more per term) and rounded once. With a likelihood within
    /// 10 ulp: within (N + 11)u·Σ_n|log p_n|/N + (10N + 2)·2^-1074 of the exact mean at the computed f_n (u = 2^-53).
    /// </summary>
    public double Value(Vector<double> theta)
    {
        Check(theta);
        var fv = Vector<double>.Build.Dense(1);
        var terms = new double[_labels.Length];
        double r = 0;
        for (int n = 0; n < _labels.Length; n++)
        {
            fv[0] = F(n, theta);
            terms[n] = _likelihood.LogDensity(_labels[n], fv);
            r -= terms[n];
        }
        if (double.IsFinite(r))
            return r / _labels.Length;
        var mean = new Verification.Numerics.ScaledSum();
        foreach (double t in terms)
            mean.AddQuotient(-_labels.Length, t);
        return mean.Value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        var g = new double[Dimension];
        for (int n = 0; n < _labels.Length; n++)
        {
            var (s, _) = _derivatives(_labels[n], F(n, theta));
            for (int j = 0; j < Dimension; j++)
                g[j] -= s * _features[n][j];
        }
        return Vector<double>.Build.DenseOfArray(g) / _labels.Length;
    }

    private Matrix<double> Weighted(Vector<double> theta, bool empirical)
    {
        Check(theta);
        var m = new double[Dimension, Dimension];
        for (int n = 0; n < _labels.Length; n++)
        {
            var (s, w) = _derivatives(_labels[n], F(n, theta));
            double c = empirical ? s * s : w;
            var x = _features[n];
            for (int i = 0; i < Dimension; i++)
                for (int j = 0; j < Dimension; j++)
                    m[i, j] += c * x[i] * x[j];
        }
        return Matrix<double>.Build.DenseOfArray(m) / _labels.Length;
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => Weighted(theta, empirical: false);

    /// <inheritdoc />
    public Matrix<double> Fisher(Vector<double> theta) => Weighted(theta, empirical: false);

    /// <inheritdoc />
    public Matrix<double> EmpiricalFisher(Vector<double> theta) => Weighted(theta, empirical: true);
}
