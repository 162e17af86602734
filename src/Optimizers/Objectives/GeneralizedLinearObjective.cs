using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
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
/// as written were 0 above f ≈ 37, exact ≈ e^{−f}) at f_n as <see cref="Output"/> computes it. Range (issue 15, item 1):
/// every finite θ, with the rejections below. Where θ, the features and the per-sample pieces a member needs are 0 or
/// within 2^±100, its sums are the plain doubles (bit for bit the Fig. 7.3 paths), within (N + 3)·u·(1/N)Σ_n|terms|
/// (first order); elsewhere f_n and each entry are one <see cref="ScaledSum"/> each, rounded once, with a score or weight
/// whose double would be subnormal or 0 carried as M·2^E (and the Gaussian's at every magnitude), so nothing under- or
/// overflows before the result (the plain sums gave NaN = ∞ − ∞ for f_n, ∞ for a mean in range and 0 for a curvature
/// that x̃ scales back up). An f_n, a log p_n, a logit or Poisson score or weight, or a result beyond ±double.MaxValue is
/// an <see cref="ArgumentException"/> naming theta (the Poisson's above f ≈ 709.78, though the mean or s_n·x̃_n may be in
/// range there).
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
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return theta;
    }

    /// <summary>
    /// f_n = θᵀx̃_n as every member computes it: the plain sum in feature order (x̃ = (x, 1) with a bias) where θ and x̃_n are
    /// 0 or within 2^±100 (bit for bit as before), else the products summed unrounded (<see cref="ScaledSum"/>) and rounded
    /// once, so no product or partial sum under- or overflows first. Within (d + 1)·u·Σ_j|θ_j x̃_nj| + 2^-1074 of the exact
    /// θᵀx̃_n.
    /// </summary>
    /// <exception cref="ArgumentException">θ not finite or of the wrong length, n outside [0, N), or f_n beyond ±double.MaxValue (naming theta).</exception>
    public double Output(int n, Vector<double> theta)
    {
        Check(theta);
        if (n < 0 || n >= _labels.Length)
            throw new ArgumentException($"n must be in [0, {_labels.Length}), got {n}.", nameof(n));
        return OutputOf(n, theta);
    }

    private double OutputOf(int n, Vector<double> theta)
    {
        var x = _features[n];
        if (ScaledSum.Ordinary(x) && ScaledSum.Ordinary(theta.Enumerate()))
            return F(n, theta);
        var sum = new ScaledSum();
        for (int j = 0; j < Dimension; j++)
            sum.Add(theta[j], x[j]);
        return InRange(sum.Value, $"f_{n} = θᵀx̃_{n}");
    }

    /// <summary>
    /// f_n (<see cref="Output"/>) and the double pieces (s_n, w_n) of <see cref="GeneralizedLinearFit.ScalarDerivatives"/> at
    /// it for every sample, and whether θ and every x̃_n are 0 or within 2^±100 (with pieces alike, the plain sums stay normal).
    /// </summary>
    private (double[] F, (double Score, double Weight)[] Pieces, bool Ordinary) Samples(Vector<double> theta)
    {
        Check(theta);
        int count = _labels.Length;
        var f = new double[count];
        var pieces = new (double Score, double Weight)[count];
        bool ordinary = ScaledSum.Ordinary(theta.Enumerate());
        for (int n = 0; n < count; n++)
        {
            f[n] = OutputOf(n, theta);
            pieces[n] = _derivatives(_labels[n], f[n]);
            ordinary &= ScaledSum.Ordinary(_features[n]);
        }
        return (f, pieces, ordinary);
    }

    /// <summary>
    /// The score s_n = ∂_f log p(y_n|f_n) as M·2^E: the Gaussian's (y − f)/σ² as one mantissa quotient at every magnitude;
    /// for the logit (σ(−f) at y = 1, −σ(f) at y = 0) and the Poisson (−e^f at y = 0) the likelihood's scaled form e^{∓f} =
    /// M·2^E where the double would fall below 2^-1022 (beyond |f| ≈ 708), else the double of
    /// <see cref="GeneralizedLinearFit.ScalarDerivatives"/>; a double score beyond ±double.MaxValue (the Poisson's y − e^f
    /// above f ≈ 709.78) is rejected naming theta, though s_n·x̃_n may be in range. <paramref name="score"/> is that double,
    /// as <see cref="Samples"/> computed it.
    /// </summary>
    private (double Mantissa, int Exponent) ScoreParts(int n, double f, double score)
    {
        double y = _labels[n];
        if (_likelihood is GaussianIdentity gaussian)
            return GaussianTerms.ResidualOverScaled(y, f, gaussian.Variance);
        if (ScaledVector.WhereNeeded(_likelihood, y, Vector<double>.Build.Dense(1, f)) is { } carried)
            return (carried.Mantissas[0], carried.Exponents[0]);
        return (InRange(score, $"the score ∂_f log p(y_{n}|f_{n})"), 0);
    }

    /// <summary>
    /// The weight w_n = −∂²_f log p(y_n|f_n) as M·2^E: the Gaussian's 1/σ² as one mantissa quotient (in or beyond the range);
    /// the logit's σ(f)σ(−f) and the Poisson's e^f as e^{−|f|} and e^f = M·2^E (<see cref="LikelihoodBase"/>'s scaled
    /// Hessian) where the double would fall below 2^-1022, else the double; a double weight beyond ±double.MaxValue (the
    /// Poisson's e^f above f ≈ 709.78) is rejected naming theta. <paramref name="weight"/> is that double, as
    /// <see cref="Samples"/> computed it.
    /// </summary>
    private (double Mantissa, int Exponent) WeightParts(int n, double f, double weight)
    {
        double y = _labels[n];
        if (_likelihood is GaussianIdentity gaussian)
            return ScaledVector.Quotient(1, gaussian.Variance);
        if ((_likelihood as LikelihoodBase)?.HessianScaledWhereNeeded(y, Vector<double>.Build.Dense(1, f)) is { } carried)
            return (-carried.Mantissa(0, 0), carried.Exponent(0, 0));
        return (InRange(weight, $"the weight −∂²_f log p(y_{n}|f_{n})"), 0);
    }

    private double InRange(double value, string what)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException(
                $"{what} of {Name} is beyond ±double.MaxValue at this θ; the range needs every f_n, score, weight and result within ±double.MaxValue.",
                "theta");
        return value;
    }

    /// <summary>
    /// R/N = −(1/N)Σ_n log p(y_n | f_n): each log p within its likelihood's stated bound (Bernoulli logit 10 ulp) at the
    /// computed f_n, the sum within (N − 1)u·Σ_n|log p_n| and the division one more rounding. Where the plain sum overflows
    /// though its mean need not (two terms of 1.5e308 gave +∞), the terms are summed unrounded (<see cref="ScaledSum"/>)
    /// and the carried sum divided by N once (dividing each term first rounded three −MaxValue/3 up to +∞ for the mean
    /// MaxValue). With a likelihood within 10 ulp: within (N + 11)u·Σ_n|log p_n|/N + (10N + 2)·2^-1074 of the exact mean at
    /// the computed f_n (u = 2^-53).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// θ not finite or of the wrong length; or, naming theta, an f_n, a log p_n (the Poisson's −e^f above f ≈ 709.78) or the
    /// mean beyond ±double.MaxValue.
    /// </exception>
    public double Value(Vector<double> theta)
    {
        Check(theta);
        var fv = Vector<double>.Build.Dense(1);
        var terms = new double[_labels.Length];
        double r = 0;
        for (int n = 0; n < _labels.Length; n++)
        {
            fv[0] = OutputOf(n, theta);
            try
            {
                terms[n] = _likelihood.LogDensity(_labels[n], fv);
            }
            catch (ArgumentException e) when (e.ParamName == "f")
            {
                throw new ArgumentException($"log p(y_{n}|f_{n}) of {Name} is beyond ±double.MaxValue at this θ ({e.Message}); the range needs every log p_n within it.", "theta", e);
            }
            r -= terms[n];
        }
        if (double.IsFinite(r))
            return r / _labels.Length;
        var sum = new ScaledSum();
        foreach (double t in terms)
            sum.Add(t);
        var (mantissa, exponent) = sum.Parts;
        return InRange(Math.ScaleB(mantissa / -_labels.Length, exponent), "R/N");
    }

    /// <summary>
    /// ∇R/N = −(1/N)Σ_n s_n x̃_n at the computed f_n (<see cref="Output"/>). Where θ, a feature or a score s_n is outside
    /// [2^-100, 2^100] (besides 0), each entry's N products are summed unrounded (<see cref="ScaledSum"/>, the scores carried as
    /// M·2^E below 2^-1022 and the Gaussian's at every magnitude) and rounded once, so a score that is subnormal or beyond
    /// the range as a double, or a product that under- or overflows on its own, keeps its digits (logit f = −800 with
    /// x = 1e300 gave 0 for ≈ 3.7e-48); the plain sum elsewhere, bit for bit as before. Within (N + 2 + c)·u·(1/N)Σ_n|s_n x̃_nj|
    /// + 2^-1074 of the exact mean at the computed scores' exact values, c the score's own relative accuracy (Gaussian 2,
    /// logit 6: σ within 3 ulp, an ulp at most 2u relatively; Poisson 6.3). The weights' c, for ∇²R and F: Gaussian 1,
    /// logit 14 (σσ within 7 ulp), Poisson 3.
    /// </summary>
    /// <exception cref="ArgumentException">θ not finite or of the wrong length, or an f_n, a score or an entry beyond ±double.MaxValue (naming theta).</exception>
    public Vector<double> Gradient(Vector<double> theta)
    {
        var (f, pieces, ordinary) = Samples(theta);
        int count = _labels.Length;
        if (ordinary && pieces.All(p => ScaledSum.Ordinary(p.Score)))
        {
            var g = new double[Dimension];
            for (int n = 0; n < count; n++)
                for (int j = 0; j < Dimension; j++)
                    g[j] -= pieces[n].Score * _features[n][j];
            return Vector<double>.Build.DenseOfArray(g) / count; // no under- or overflow: bit for bit as before
        }
        var parts = Enumerable.Range(0, count).Select(n => ScoreParts(n, f[n], pieces[n].Score)).ToArray();
        return Vector<double>.Build.Dense(Dimension, j =>
        {
            var sum = new ScaledSum();
            for (int n = 0; n < count; n++)
                sum.AddTimesPowerOfTwo(parts[n].Exponent, -count, parts[n].Mantissa, _features[n][j]);
            return InRange(sum.Value, "∇R/N");
        });
    }

    /// <summary>
    /// (1/N)Σ_n c_n x̃_n x̃_nᵀ with c_n the weight w_n (F = ∇²R) or s_n² (F̃), as <see cref="Gradient"/>: the plain sum where θ,
    /// the features and the c_n are within 2^±100 (bit for bit as before), else each entry one <see cref="ScaledSum"/> of the
    /// N products with w_n or s_n carried as M·2^E, rounded once.
    /// </summary>
    private Matrix<double> Weighted(Vector<double> theta, bool empirical)
    {
        var (f, pieces, ordinary) = Samples(theta);
        int count = _labels.Length;
        if (ordinary && pieces.All(p => ScaledSum.Ordinary(empirical ? p.Score : p.Weight)))
        {
            var m = new double[Dimension, Dimension];
            for (int n = 0; n < count; n++)
            {
                var x = _features[n];
                double c = empirical ? pieces[n].Score * pieces[n].Score : pieces[n].Weight;
                for (int i = 0; i < Dimension; i++)
                    for (int j = 0; j < Dimension; j++)
                        m[i, j] += c * x[i] * x[j];
            }
            return Matrix<double>.Build.DenseOfArray(m) / count; // no under- or overflow: bit for bit as before
        }
        var parts = Enumerable.Range(0, count).Select(n => empirical ? ScoreParts(n, f[n], pieces[n].Score) : WeightParts(n, f[n], pieces[n].Weight)).ToArray();
        return Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) =>
        {
            var sum = new ScaledSum();
            for (int n = 0; n < count; n++)
            {
                var (mantissa, exponent) = parts[n];
                var x = _features[n];
                if (empirical)
                    sum.AddTimesPowerOfTwo(2 * exponent, count, mantissa, mantissa, x[i], x[j]);
                else
                    sum.AddTimesPowerOfTwo(exponent, count, mantissa, x[i], x[j]);
            }
            return InRange(sum.Value, empirical ? "F̃/N" : "F/N = ∇²R/N");
        });
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => Weighted(theta, empirical: false);

    /// <inheritdoc />
    public Matrix<double> Fisher(Vector<double> theta) => Weighted(theta, empirical: false);

    /// <inheritdoc />
    public Matrix<double> EmpiricalFisher(Vector<double> theta) => Weighted(theta, empirical: true);
}
