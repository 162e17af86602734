using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Curvature;

/// <summary>
/// The objective of balles-thesis eq. (7.1), R(θ) = −Σ_n log p(y_n|f(x_n, θ)), for a model, a likelihood and a dataset,
/// with its per-sample pieces: the score s_n = ∇_θ log p(y_n|f(x_n, θ)) = J_nᵀ∇_f log p (eq. D.20) and the per-sample
/// Hessian ∇²_θ log p = J_nᵀ∇²_f log p J_n + Σ_m ∂_m log p·∇²f_n^(m). Every public method validates θ and the data.
/// </summary>
public sealed class LikelihoodProblem
{
    /// <summary>Binds a model, a likelihood and data, and checks that they fit together.</summary>
    /// <exception cref="ArgumentException">Dimensions disagree, or a label is outside the likelihood's support.</exception>
    public LikelihoodProblem(IModel model, ILikelihood likelihood, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(data);
        if (model.OutputDimension != likelihood.OutputDimension)
            throw new ArgumentException(
                $"model has {model.OutputDimension} outputs but {likelihood.Name} needs {likelihood.OutputDimension}.", nameof(likelihood));
        Require.SameLength(model.InputDimension, data.InputDimension, nameof(data));
        for (int n = 0; n < data.Count; n++)
            likelihood.ValidateLabel(data.Labels[n], $"data.Labels[{n}]");
        Model = model;
        Likelihood = likelihood;
        Data = data;
    }

    /// <summary>f.</summary>
    public IModel Model { get; }

    /// <summary>p(y|f).</summary>
    public ILikelihood Likelihood { get; }

    /// <summary>(x_n, y_n).</summary>
    public Dataset Data { get; }

    /// <summary>d.</summary>
    public int Dimension => Model.ParameterDimension;

    /// <summary>N.</summary>
    public int Count => Data.Count;

    /// <summary>Throws unless θ has length d and finite entries.</summary>
    public Vector<double> CheckTheta(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return theta;
    }

    private void CheckSample(int n)
    {
        if (n < 0 || n >= Count)
            throw new ArgumentException($"n must be in [0, {Count - 1}], got {n}.", nameof(n));
    }

    /// <summary>f_n = f(x_n, θ), validated against the likelihood's domain.</summary>
    /// <exception cref="ArgumentException">
    /// θ is invalid, f_n is outside the likelihood's domain, or f_n is beyond ±double.MaxValue (its double ±∞), named as
    /// such: the message was the likelihood's "must be finite, got Infinity", which named no range (linear model, x =
    /// 1.7e294, θ = 2e239).
    /// </exception>
    public Vector<double> Output(int n, Vector<double> theta)
    {
        CheckSample(n);
        var f = Model.Output(Data.Inputs[n], CheckTheta(theta));
        if (f.Any(double.IsInfinity))
            throw new ArgumentException(
                $"f(x_{n}, θ) of {Model.Name} is beyond ±double.MaxValue at θ = {Require.ShowAll(theta)}, the range of a double output.",
                nameof(theta));
        Likelihood.ValidateOutput(f, $"f(x_{n}, θ)");
        return f;
    }

    /// <summary>J_n = J_θ f(x_n, θ).</summary>
    public Matrix<double> Jacobian(int n, Vector<double> theta)
    {
        CheckSample(n);
        return Model.Jacobian(Data.Inputs[n], CheckTheta(theta));
    }

    /// <summary>ℓ_n(θ) = −log p(y_n|f_n).</summary>
    public double SampleLoss(int n, Vector<double> theta) =>
        NamingTheta(() => -Likelihood.LogDensity(Data.Labels[n], Output(n, theta)), theta);

    /// <summary>∇_θ log p(y|f(x_n, θ)) for any label y in the support (eq. D.20).</summary>
    /// <remarks>
    /// J_nᵀ times the likelihood's ∇_f log p: each entry within (M + e_g)·u·Σ_m|J_ma·g_m| + M·2^-1075 of J_nᵀg for the exact g
    /// (the absolute term for products rounded on the subnormal grid, which a larger score entry can scale up in
    /// <see cref="GradientCovariance"/>'s products; e_g the
    /// likelihood's own relative error, 4u for ∇ within 2 ulp), ±∞ where an exact entry is beyond ±double.MaxValue. Where an
    /// entry g_m falls below 2^-1022, the likelihood gives ∇_f log p as M_m·2^(E_m)
    /// (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>) and each score entry is one <see cref="ScaledSum"/>, rounded
    /// once: until stop 36 the scores were formed from g_m's subnormal double (Gaussian σ² = 1.7e271, y − f = 1e-57,
    /// x = 1.3e191: s = 8e-138 came out 0; logit f = −800 gave 0 for any J), and so were <see cref="RiskGradient"/>,
    /// <see cref="EmpiricalFisher"/>, <see cref="GradientCovariance"/>, the residual terms, the Fisher's nodes and the
    /// empirical-Fisher split.
    /// </remarks>
    public Vector<double> Score(int n, Vector<double> theta, double y) =>
        NamingTheta(() => ScoreFrom(Jacobian(n, theta), ScaledVector.Of(Likelihood, y, Output(n, theta))), theta);

    /// <summary>
    /// w·∇_θ log p(y_n|f(x_n, θ)) at the training label for a weight w = M_w·2^(E_w): each entry one <see cref="ScaledSum"/>
    /// of M_w·J_ma·M_m with the powers of two 2^(E_w + E_m) applied in each term's one final scaling (g = ∇_f log p as
    /// M_m·2^(E_m), <see cref="ScaledVector.Of(ILikelihood, double, Vector{double})"/>), the score never formed: within
    /// (M + 2)·u·Σ_m|w·J_ma·g_m| plus the weight's and g's own errors, plus one rounding of a subnormal result; ±∞ where an
    /// exact entry is beyond the range. J_n beyond the range is rejected naming θ.
    /// </summary>
    internal Vector<double> WeightedScore(int n, Vector<double> theta, double weightMantissa, int weightExponent)
    {
        var j = Jacobian(n, theta);
        if (!j.Enumerate().All(double.IsFinite))
            throw JacobianBeyondRange(n, theta);
        var g = NamingTheta(() => ScaledVector.Of(Likelihood, Data.Labels[n], Output(n, theta)), theta);
        return ScaledScoreFrom(j, g, weightMantissa, weightExponent);
    }

    /// <summary>
    /// J_nᵀg: the plain product for the double gradient (bit for bit as before), or, for a gradient carried as M_m·2^(E_m)
    /// with a finite J_n, one <see cref="ScaledSum"/> per entry with the powers of two applied in each term's one final
    /// scaling: within (M + e_g)·u·Σ_m|J_ma·g_m| plus one rounding of a subnormal result.
    /// </summary>
    private static Vector<double> ScoreFrom(Matrix<double> j, ScaledVector g)
    {
        if (g.IsPlain || !j.Enumerate().All(double.IsFinite))
            return j.TransposeThisAndMultiply(Vector<double>.Build.Dense(g.Count, g.Rounded));
        return ScaledScoreFrom(j, g, 1, 0);
    }

    /// <summary>
    /// w·J_nᵀg for w = M_w·2^(E_w), a finite J_n and g as M_m·2^(E_m): one <see cref="ScaledSum"/> per entry of the terms
    /// M_w·J_ma·M_m, the powers of two 2^(E_w + E_m) applied in each term's one final scaling (a unit weight multiplies exactly).
    /// </summary>
    private static Vector<double> ScaledScoreFrom(Matrix<double> j, ScaledVector g, double weightMantissa, int weightExponent) =>
        Vector<double>.Build.Dense(j.ColumnCount, a =>
        {
            var sum = new ScaledSum();
            for (int m = 0; m < g.Count; m++)
                sum.AddTimesPowerOfTwo(weightExponent + g.Exponents[m], 1, weightMantissa, j[m, a], g.Mantissas[m]);
            return sum.Value;
        });

    /// <summary>
    /// The factors of the score at the training label, s_n = J_nᵀg: J_n and g = ∇_f log p(y_n|f_n) carried as M·2^E where
    /// an entry falls below 2^-1022 (<see cref="ScaledVector.Of(ILikelihood, double, Vector{double})"/>), a likelihood
    /// rejection re-thrown naming θ.
    /// </summary>
    internal (Matrix<double> J, ScaledVector G) ScoreFactors(int n, Vector<double> theta) =>
        (Jacobian(n, theta), NamingTheta(() => ScaledVector.Of(Likelihood, Data.Labels[n], Output(n, theta)), theta));

    /// <summary>
    /// s_n s_nᵀ at the training label, s_n = <see cref="Score"/>: the plain outer product where J_n, ∇_f log p and s_n are
    /// within [2^-100, 2^100] (or 0) and finite, else one <see cref="ScaledCurvatureSum"/> of J_ia·g_i·J_jb·g_j, s never
    /// formed: an entry s_a below the subnormal range had rounded to 0 before s_b scaled it back up (Gaussian σ² = 8.6e222,
    /// x = (2.1e-309, −5.4e267): [s sᵀ]_01 = −2.7e-111 came out 0). Within (M² + 4)·u·Σ|terms| (one term's M² products of
    /// four factors) plus the gradient's own error; a score beyond ±double.MaxValue gives the plain ±∞ or NaN entries.
    /// </summary>
    internal Matrix<double> ScoreOuterProduct(int n, Vector<double> theta)
    {
        var (j, g) = ScoreFactors(n, theta);
        var s = ScoreFrom(j, g);
        bool finite = s.All(double.IsFinite) && j.Enumerate().All(double.IsFinite);
        if (!finite || (g.IsPlain && ScaledSum.Ordinary(g.Mantissas) && ScaledSum.Ordinary(s) && ScaledSum.Ordinary(j.Enumerate())))
            return s.OuterProduct(s);
        var sum = new ScaledCurvatureSum(Dimension);
        sum.AddRankOneScaled(1, j, g);
        return sum.Value();
    }

    /// <summary>
    /// −∇_f log p(y_n|f_n) carried as M_m·2^(E_m) where an entry falls below 2^-1022 (the canonical split's ∇_b a_n), else
    /// null: the residual term's g_m·∇²f^(m) then keeps g_m's digits.
    /// </summary>
    internal ScaledVector? NegativeScaledGradientWhereNeeded(int n, Vector<double> theta) =>
        NamingTheta(() => ScaledVector.WhereNeeded(Likelihood, Data.Labels[n], Output(n, theta)), theta) is { } g
            ? g with { Mantissas = g.Mantissas.Select(m => -m).ToArray() }
            : null;

    /// <summary>∇²_θ log p(y|f(x_n, θ)) = J_nᵀ∇²_f log p J_n + Σ_m [∇_f log p]_m ∇²_θ f_n^(m), for any label y.</summary>
    /// <remarks>Accuracy and range as for <see cref="Hessian"/> with N = 1.</remarks>
    public Matrix<double> LogDensityHessian(int n, Vector<double> theta, double y) =>
        NamingTheta(() => RequireFiniteJacobian(SampleCurvature(n, theta), n, theta).LogDensityHessian(y), theta);

    /// <summary>
    /// The sample's terms, or an <see cref="ArgumentException"/> naming θ where J_n is beyond ±double.MaxValue (J_nᵀ∇²_f log p J_n
    /// is then beyond the range too): the scaled sum's own rejection named its internal parameter "factors".
    /// </summary>
    private SampleTerms RequireFiniteJacobian(SampleTerms terms, int n, Vector<double> theta) => terms.J.Enumerate().All(double.IsFinite)
        ? terms
        : throw JacobianBeyondRange(n, theta);

    /// <summary>
    /// The sample's terms, or an <see cref="ArgumentException"/> naming θ and the range where an entry of J_n or of a
    /// ∇²f_n^(m) is beyond ±double.MaxValue (the scaled sums' own rejection named their internal parameter "factors").
    /// </summary>
    private SampleTerms RequireFiniteModelPieces(SampleTerms terms, int n, Vector<double> theta) =>
        terms.J.Enumerate().Concat(terms.ModelHessians.SelectMany(m => m.Enumerate())).All(double.IsFinite)
            ? terms
            : throw new ArgumentException(
                $"J_{n} or ∇²f_{n} of {Model.Name} is beyond ±double.MaxValue at θ = {Require.ShowAll(theta)}, the range of a double result.",
                nameof(theta));

    /// <summary>The rejection of a J_n beyond ±double.MaxValue, naming θ and the range.</summary>
    private ArgumentException JacobianBeyondRange(int n, Vector<double> theta) => new(
        $"J_{n} of {Model.Name} is beyond ±double.MaxValue at θ = {Require.ShowAll(theta)}, the range of a double result.",
        nameof(theta));

    /// <summary>
    /// Runs a computation on the likelihood at f = f(x_n, θ) and re-throws the likelihood's <see cref="ArgumentException"/>
    /// for a result beyond its documented range (naming its own parameter "f", which the methods here do not have) as
    /// one naming θ, with the likelihood's message (which states the range) and the original as the inner exception:
    /// the Bernoulli probability's ∇ = 1/q below q = 1/double.MaxValue, for instance.
    /// </summary>
    internal static TResult NamingTheta<TResult>(Func<TResult> computation, Vector<double> theta)
    {
        try
        {
            return computation();
        }
        catch (ArgumentException e) when (e.ParamName == "f")
        {
            string reason = e.Message.Replace(" (Parameter 'f')", "", StringComparison.Ordinal);
            throw new ArgumentException(
                $"at θ = {Require.ShowAll(theta)}: {reason}", nameof(theta), e);
        }
    }

    /// <summary>
    /// Adds w·2^(e_w)·(s_n s_nᵀ + ∇²_θ log p(y_n|f_n)) to a scaled sum (the empirical-Fisher split's ∇²_θ b / b, eq. 7.17),
    /// s_n = J_nᵀ∇_f log p never formed: the terms w·J·g·J·g, w·JᵀAJ and w·g_m∇²f^(m), each one scaled product, with g and
    /// ∇²_f log p as M·2^E or through their factors where needed (as <see cref="Hessian"/> takes them).
    /// </summary>
    /// <exception cref="ArgumentException">J_n or ∇²f_n beyond ±double.MaxValue (even for w = 0), or a likelihood piece rejected, naming θ.</exception>
    internal void AddScoreOuterAndLogDensityHessian(ScaledCurvatureSum sum, int n, Vector<double> theta, double weight, int weightExponent)
    {
        var t = RequireFiniteModelPieces(SampleCurvature(n, theta), n, theta);
        if (weight == 0)
            return;
        double y = Data.Labels[n];
        NamingTheta(() =>
        {
            sum.AddRankOneScaled(weight, weightExponent, t.J, t.GradientParts(y));
            t.AddTo(sum, weight, weightExponent, y);
            return 0;
        }, theta);
    }

    /// <summary>f_n, J_n and the ∇²_θ f_n^(m) at θ, computed once for evaluating several labels.</summary>
    private SampleTerms SampleCurvature(int n, Vector<double> theta)
    {
        var f = Output(n, theta);
        var j = Jacobian(n, theta);
        var hf = Enumerable.Range(0, Model.OutputDimension).Select(m => Model.OutputHessian(Data.Inputs[n], theta, m)).ToArray();
        return new SampleTerms(Likelihood, f, j, hf);
    }

    private sealed record SampleTerms(ILikelihood Likelihood, Vector<double> F, Matrix<double> J, Matrix<double>[] ModelHessians)
    {
        /// <summary>J and the ∇²f^(m) within [2^-100, 2^100] (or 0).</summary>
        public bool Ordinary { get; } = ScaledSum.Ordinary(J.Enumerate()) && ModelHessians.All(h => ScaledSum.Ordinary(h.Enumerate()));

        /// <summary>
        /// True when every ∇²f^(m) is the zero matrix (the linear model): the residual term Σ_m g_m·∇²f^(m) is then exactly 0
        /// whatever g is, so ∇_f log p is not evaluated for it (a g beyond the range, the Gaussian's (y − f)/σ² = 1e310 at
        /// σ² = 1e-300, had rejected ∇²R = −x²/σ² and a residual term of exactly 0).
        /// </summary>
        public bool ModelIsFlat { get; } = ModelHessians.All(h => h.Enumerate().All(v => v == 0));

        /// <summary>
        /// ∇²_f log p(y|f), or null where the curvature matrices need its finite factors instead
        /// (<see cref="LikelihoodBase.HessianFactorsWhereNeeded"/>: an entry beyond the double range, as the Bernoulli
        /// probability's −1/q² below q ≈ 7.5e-155, or one that may fall below it, as the Gaussian mean–variance 1/(2v²) beyond
        /// v ≈ 1e154); any other Hessian beyond the range is the likelihood's <see cref="ArgumentException"/>.
        /// </summary>
        public Matrix<double>? HessianInRange(double y) =>
            HessianScaledWhereNeeded(y) is not null || Likelihood is LikelihoodBase b && b.HessianFactorsWhereNeeded(y, F) is not null
                ? null
                : Likelihood.Hessian(y, F);

        /// <summary>
        /// ∇²_f log p(y|f) carried as M_ij·2^(E_ij) where an entry falls below 2^-1022 (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>:
        /// the logit's σ(f)σ(−f) beyond |f| = 700), else null.
        /// </summary>
        private ScaledMatrix? HessianScaledWhereNeeded(double y) => (Likelihood as LikelihoodBase)?.HessianScaledWhereNeeded(y, F);

        /// <summary>
        /// The expectation rule's weights carried as M_k·2^(E_k) where one falls below 2^-1022
        /// (<see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>), else null (then the rule's double weights).
        /// </summary>
        public ScaledVector? WeightsScaledWhereNeeded() => (Likelihood as LikelihoodBase)?.WeightsScaledWhereNeeded(F);

        /// <summary>
        /// The rule's node k as the label and the terms to evaluate it at: for a location family (the Gaussian likelihoods,
        /// <see cref="LikelihoodBase.IsLocationFamily"/>) and a rule with <see cref="ExpectationRule.Offsets"/>, the offset
        /// y_k − μ at f with f₀ = 0, so that g_k keeps the offset's digits where the rounded node μ ± √(3v) does not (at
        /// μ = 1e20, v = 1 the nodes are μ itself and the Fisher came out 0 for JᵀJ); else the node at f itself.
        /// </summary>
        public (double Label, SampleTerms At) Node(ExpectationRule rule, int k)
        {
            if (rule.Offsets is not { } offsets || Likelihood is not LikelihoodBase { IsLocationFamily: true })
                return (rule.Labels[k], this);
            var centred = F.Clone();
            centred[0] = 0;
            return (offsets[k], this with { F = centred });
        }

        /// <summary>The rule's weights, carried as M_k·2^(E_k) where one falls below 2^-1022, else its doubles with exponents 0.</summary>
        public ScaledVector WeightParts(ExpectationRule rule) => WeightsScaledWhereNeeded() ?? ScaledVector.Of(rule.Weights);

        /// <summary>
        /// ∇_f log p(y|f) carried as M_m·2^(E_m) where an entry falls below 2^-1022 (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>),
        /// else null (then <see cref="ILikelihood.Gradient"/>, bit for bit as before).
        /// </summary>
        public ScaledVector? ScaledGradientWhereNeeded(double y) => ScaledVector.WhereNeeded(Likelihood, y, F);

        /// <summary>∇_f log p(y|f), carried as M_m·2^(E_m) where an entry falls below 2^-1022, else the double gradient itself.</summary>
        public ScaledVector GradientParts(double y) => ScaledVector.Of(Likelihood, y, F);

        /// <summary>
        /// Adds w·2^(e_w)·J_nᵀ∇²_f log p(y|f)J_n, with ∇²_f log p as M·2^E where an entry falls below 2^-1022 and through its
        /// finite factors where an entry is beyond the range.
        /// </summary>
        public void AddCongruence(ScaledCurvatureSum sum, double weight, int weightExponent, double y)
        {
            if (HessianScaledWhereNeeded(y) is { } scaled)
                sum.AddCongruenceScaled(weight, weightExponent, J, scaled);
            else if (HessianInRange(y) is { } h)
                sum.AddCongruenceScaled(weight, weightExponent, J, ScaledMatrix.Of(h));
            else
            {
                var (p, q) = ((LikelihoodBase)Likelihood).HessianFactors(y, F)!.Value;
                sum.AddCongruence(weight, weightExponent, J, p, q);
            }
        }

        public Matrix<double> LogDensityHessian(double y)
        {
            var hy = HessianInRange(y);
            if (hy is null || ScaledGradientWhereNeeded(y) is not null)
            {
                var scaled = new ScaledCurvatureSum(J.ColumnCount);
                AddTo(scaled, 1, 0, y);
                return scaled.Value();
            }
            var g = GradientUnlessFlatAndBeyondRange(y);
            var h = J.TransposeThisAndMultiply(hy * J);
            for (int m = 0; m < g.Count; m++)
                if (g[m] != 0)
                    h += g[m] * ModelHessians[m];
            if (Ordinary && ScaledSum.Ordinary(hy.Enumerate()) && ScaledSum.Ordinary(g) && h.Enumerate().All(double.IsFinite))
                return Symmetrize(h);
            var sum = new ScaledCurvatureSum(J.ColumnCount);
            AddTo(sum, 1, 0, y);
            return sum.Value();
        }

        /// <summary>
        /// ∇_f log p(y|f), or 0 where it is beyond the range (the likelihood's rejection) and every ∇²f^(m) is zero, so that
        /// g·∇²f = 0 exactly; bit for bit the gradient wherever the likelihood gives it.
        /// </summary>
        private Vector<double> GradientUnlessFlatAndBeyondRange(double y)
        {
            try
            {
                return Likelihood.Gradient(y, F);
            }
            catch (ArgumentException) when (ModelIsFlat)
            {
                return Vector<double>.Build.Dense(Likelihood.OutputDimension);
            }
        }

        /// <summary>Adds w·2^(e_w)·∇²_θ log p(y|f) to a scaled sum (the residual part only where some ∇²f^(m) is nonzero).</summary>
        public void AddTo(ScaledCurvatureSum sum, double weight, int weightExponent, double y)
        {
            AddCongruence(sum, weight, weightExponent, y);
            if (!ModelIsFlat)
                sum.AddCurvatureScaled(weight, weightExponent, GradientParts(y), ModelHessians);
        }
    }

    /// <summary>R(θ) = −Σ_n log p(y_n|f(x_n, θ)) (eq. 7.1).</summary>
    /// <remarks>
    /// The plain running sum: every loss is at least −½log(2π·2^-1074) ≈ −372 (a density's log is at most that, a
    /// probability's at most 0), so a partial sum overflows only where the exact sum is within 372·N of ±double.MaxValue.
    /// </remarks>
    public double Risk(Vector<double> theta)
    {
        double r = 0;
        for (int n = 0; n < Count; n++)
            r += SampleLoss(n, theta);
        return r;
    }

    /// <summary>∇R(θ) = −Σ_n s_n.</summary>
    /// <remarks>
    /// The plain running sum, or per entry one <see cref="ScaledSum"/> of the scores where that overflows (scores 1e308,
    /// 1e308, −1e308 gave −∞, exact −1e308): within N·u·Σ_n|s_na| of the exact sum of the computed scores, ±∞ only where
    /// that is beyond ±double.MaxValue.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// θ or the data are invalid, or scores beyond ±double.MaxValue of both signs meet in one coordinate (+∞ and −∞ as
    /// doubles), where the sum cannot be formed: it was NaN (samples x = 1e200 with y = ±1e200 of a least-squares line
    /// through 0 at θ = 0, exact gradient 0); likewise a score beyond the range beside finite scores of the opposite sign,
    /// where the sum was ±∞ though it may be finite (Bernoulli probability, scores ≈ −2.4e308 and 7.5e307 + …: ∇R = +∞,
    /// exact 8.8e307).
    /// </exception>
    public Vector<double> RiskGradient(Vector<double> theta)
    {
        var scores = Enumerable.Range(0, Count).Select(n => Score(n, theta, Data.Labels[n])).ToArray();
        var g = Vector<double>.Build.Dense(Dimension);
        foreach (var s in scores)
            g -= s;
        if (g.All(double.IsFinite))
            return g;
        if (!scores.All(s => s.All(double.IsFinite)))
        {
            int a = Enumerable.Range(0, Dimension).FirstOrDefault(i => double.IsNaN(g[i]), -1);
            if (a >= 0)
                throw new ArgumentException(
                    $"the scores of {Model.Name} with {Likelihood.Name} at θ = {Require.ShowAll(theta)} are beyond ±double.MaxValue with both signs in coordinate {a}: ∇R cannot be formed from them.",
                    nameof(theta));
            int mixed = Enumerable.Range(0, Dimension).FirstOrDefault(i => double.IsInfinity(g[i])
                && scores.Any(s => s[i] != 0 && Math.Sign(s[i]) != Math.Sign(-g[i])), -1);
            if (mixed >= 0)
                throw new ArgumentException(
                    $"a score of {Model.Name} with {Likelihood.Name} at θ = {Require.ShowAll(theta)} is beyond ±double.MaxValue in coordinate {mixed}, beside scores of the opposite sign that may bring the sum back within the range: ∇R cannot be formed from them.",
                    nameof(theta));
            return g;
        }
        return Vector<double>.Build.Dense(Dimension, a => -Summed(scores.Select(s => s[a])));
    }

    /// <summary>The sum of finite doubles in one <see cref="ScaledSum"/> (one final rounding).</summary>
    private static double Summed(IEnumerable<double> terms)
    {
        var sum = new ScaledSum();
        foreach (double t in terms)
            sum.Add(t);
        return sum.Value;
    }

    /// <summary>
    /// ∇²R(θ) by hyper-dual forward mode on the composed R (no split, no chain rule written by hand): the reference Hessian
    /// against which eqs. (7.8), (7.9), (7.12) and (D.18) are checked.
    /// </summary>
    /// <exception cref="ArgumentException">θ of the wrong length or not finite, an output outside the likelihood's domain, or
    /// (a <see cref="DoubleRangeException"/> naming θ) a first derivative of R beyond the double range, beside which
    /// <see cref="ForwardDerivatives.Hessian"/> does not give the Hessian.</exception>
    public Matrix<double> HessianForward(Vector<double> theta)
    {
        CheckTheta(theta);
        for (int n = 0; n < Count; n++)
            Output(n, theta);
        return ForwardDerivatives.Hessian(t =>
        {
            HyperDual r = HyperDual.Constant(0);
            for (int n = 0; n < Count; n++)
                r -= Likelihood.LogDensity(Data.Labels[n], Model.Output(Data.Inputs[n], t));
            return r;
        }, theta);
    }

    /// <summary>∇²R(θ) in closed form, −Σ_n ∇²_θ log p(y_n|f_n).</summary>
    /// <remarks>
    /// Range (issue 15, item 1): where some J_n or ∇²f_n^(m) has a nonzero entry outside [2^-100, 2^100], or the plain sum is
    /// not finite, every entry is one <see cref="ScaledCurvatureSum"/> over all samples: within (3 + T)·u·Σ|terms|
    /// (T = N(M² + M) terms) of its exact value, ±∞ only where that is beyond ±double.MaxValue. Where only a sample's
    /// ∇_f log p or ∇²_f log p has such an entry (or its own plain matrix is not finite), that sample's matrix is its own
    /// scaled sum, rounded once, and joins the plain running sum. Otherwise the plain products, bit for bit as before. The
    /// symmetrization (A + Aᵀ)/2 halves first where A + Aᵀ overflows (a GGN entry of 1e308 came back +∞). A likelihood
    /// Hessian with an entry beyond the range or one that may fall below 2^-1022 enters the scaled sum through its finite
    /// factors (<see cref="LikelihoodBase.HessianFactorsWhereNeeded"/>; Gaussian mean–variance, linear model, x = v = 1e200:
    /// ∇²R_vv = −x²/(2v²) = −½ came out 0, 1/(2v²) having rounded to 0 before J scaled it back up; five factors per term),
    /// or, where an entry lies below 2^-1022, as M·2^E (<see cref="LikelihoodBase.HessianScaledWhereNeeded"/>; the logit's
    /// σ(f)σ(−f) = e^-800 was 0 at f = −800 and x = 1e300, where ∇²R₀₀ ≈ −3.7e252). Where every ∇²f_n^(m) is the zero
    /// matrix (the linear model) ∇_f log p is not evaluated, its term being exactly 0: a ∇_f log p beyond the range rejected
    /// ∇²R in range before (Gaussian σ² = 1e-300, x = 1, y − f = 1e10: ∇²R = x²/σ² = 1e300). Elsewhere a ∇_f log p beyond
    /// ±double.MaxValue is the likelihood's <see cref="ArgumentException"/> naming θ, though g_m·∇²f^(m) may be in range.
    /// </remarks>
    public Matrix<double> Hessian(Vector<double> theta) => SampleSum(theta, symmetrize: false,
        (total, t, n) => total - t.LogDensityHessian(Data.Labels[n]),
        (sum, t, n) => t.AddTo(sum, -1, 0, Data.Labels[n]));

    /// <summary>
    /// G(θ) of the canonical split (7.13), a_n(b) = −log p(y_n|b), b_n = f(x_n, θ): −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n (eq. 7.14).
    /// </summary>
    /// <remarks>
    /// The same switch as <see cref="Hessian"/>'s over all samples: some J_n, ∇²f_n^(m) or ∇²_f log p(y_n|f_n) outside
    /// [2^-100, 2^100], or a plain sum that is not finite. ∇²f_n^(m) is not a factor of the GGN, so an input where only it is
    /// outside takes the scaled sum (within the same bound, not bit for bit the plain form). ∇²_f log p is checked because
    /// the plain ∇²_f log p·J_n can underflow before J_nᵀ scales it back up, not only overflow: Bernoulli logit at f = 700
    /// (∇²_f log p ≈ −9.9e-305) with J = (2^-99, 2^99) gave G[0, 1] half its exact σ(f)σ(−f), one of its two products
    /// having rounded to 0. Accuracy as for <see cref="Hessian"/> (T = N·M² terms).
    /// </remarks>
    public Matrix<double> GeneralizedGaussNewton(Vector<double> theta) => SampleSum(theta, symmetrize: true,
        (total, t, n) => t.HessianInRange(Data.Labels[n]) is { } h && ScaledSum.Ordinary(h.Enumerate())
            ? total - t.J.TransposeThisAndMultiply(h * t.J)
            : null,
        (sum, t, n) => t.AddCongruence(sum, -1, 0, Data.Labels[n]));

    /// <summary>The residual term of eq. (7.9) for the canonical split: Σ_{n,m} [∇_b a_n]_m ∇²_θ f_n^(m) with ∇_b a_n = −∇_f log p.</summary>
    /// <remarks>
    /// The switch over J_n (unused here) and ∇²f_n^(m) outside [2^-100, 2^100], or a plain sum that is not finite; ∇_f log p
    /// is not checked (each term is the one product g_m·∇²f^(m)_ab, not scaled up afterwards). Accuracy as for
    /// <see cref="Hessian"/> (T = N·M terms). A sample whose ∇²f_n^(m) are all the zero matrix adds exactly 0 without
    /// evaluating ∇_f log p (one beyond the range had rejected the linear model's residual term of 0); elsewhere a
    /// ∇_f log p beyond ±double.MaxValue is the likelihood's <see cref="ArgumentException"/> naming θ.
    /// </remarks>
    public Matrix<double> ResidualTerm(Vector<double> theta) => SampleSum(theta, symmetrize: false,
        (r, t, n) =>
        {
            if (t.ModelIsFlat)
                return r;
            if (t.ScaledGradientWhereNeeded(Data.Labels[n]) is not null)
                return null;
            var g = Likelihood.Gradient(Data.Labels[n], t.F);
            for (int m = 0; m < g.Count; m++)
                if (g[m] != 0)
                    r -= g[m] * t.ModelHessians[m];
            return r;
        },
        (sum, t, n) =>
        {
            if (!t.ModelIsFlat)
                sum.AddCurvatureScaled(-1, t.GradientParts(Data.Labels[n]), t.ModelHessians);
        });

    /// <summary>
    /// F(θ) = Σ_n E_{y~p(·|f_n)}[s_n(y)s_n(y)ᵀ] (eq. 7.2), computed as Σ_n J_nᵀ(Σ_k w_k ∇_f log p(y_k)∇_f log p(y_k)ᵀ)J_n with the
    /// likelihood's <see cref="ExpectationRule"/> (exact, or with <see cref="FisherTailBound"/> for Poisson).
    /// </summary>
    /// <remarks>
    /// The switch over J_n and ∇²f_n^(m) (the latter unused here) outside [2^-100, 2^100], with the weights w_k
    /// and the entries of the inner matrix Σ_k w_k g_k g_kᵀ also checked against [2^-100, 2^100]: outside, each entry is
    /// Σ_{n,k,i,j} w_k·J_ia·g_i·J_jb·g_j in one scaled sum, so w·g gᵀ is never formed (the Bernoulli-probability Fisher at
    /// q = 1e-200 was +∞: w = q times g² = 1/q² = ∞; exact 1/(q(1 − q)) ≈ 1e200); within (4 + T)·u·Σ|terms|, T = N·K·M².
    /// These bounds are for the rule's nodes and weights as given. A weight w_k (σ(∓f) of the logit, p(k) of the Poisson, π_c
    /// of the softmax) that falls below 2^-1022 enters as M·2^E (<see cref="LikelihoodBase.WeightsScaledWhereNeeded"/>), as
    /// ∇_f log p does: logit or Poisson at f = −800, x = 1e300 gave F₀₀ = 1.3e-95 for the exact 3.7e252 (the weight e^-800
    /// was 0 before J_n scaled it back up). The Gaussian likelihoods are evaluated at the rule's offsets y_k − μ = 0, ∓√(3v)
    /// with μ = 0 (<see cref="ExpectationRule.Offsets"/>), not at its nodes: the nodes μ ± √(3v)
    /// are rounded to the grid of μ, so g_k = (y_k − μ)/v carried a relative error up to u·|μ|/√(3v): at |μ| beyond about
    /// 2^53·√(3v) the nodes round to μ and the Gaussian Fisher came out 0, where F = JᵀJ/v. The offsets are within 3.01u of
    /// ∓√(3v) at every μ, so g_k carries their error and the gradient's own instead (E[−∇²] of the mean–variance
    /// likelihood, whose ∇²_f log p depends on y, likewise).
    /// </remarks>
    public Matrix<double> Fisher(Vector<double> theta) => SampleSum(theta, symmetrize: true,
        (fisher, t, n) =>
        {
            var rule = Likelihood.Expectation(t.F);
            if (t.WeightsScaledWhereNeeded() is not null)
                return null;
            var inner = Matrix<double>.Build.Dense(t.F.Count, t.F.Count);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var (y, at) = t.Node(rule, k);
                if (at.ScaledGradientWhereNeeded(y) is not null)
                    return null;
                var s = Likelihood.Gradient(y, at.F);
                inner += rule.Weights[k] * s.OuterProduct(s);
            }
            return ScaledSum.Ordinary(rule.Weights) && ScaledSum.Ordinary(inner.Enumerate())
                ? fisher + t.J.TransposeThisAndMultiply(inner * t.J)
                : null;
        },
        (sum, t, n) =>
        {
            var rule = Likelihood.Expectation(t.F);
            var w = t.WeightParts(rule);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var (y, at) = t.Node(rule, k);
                sum.AddRankOneScaled(w.Mantissas[k], w.Exponents[k], t.J, at.GradientParts(y));
            }
        });

    /// <summary>The second form of eq. (7.4), Σ_n E_{y~p(·|f_n)}[−∇²_θ log p(y|f_n)], with the same expectation rule.</summary>
    /// <remarks>
    /// The switch of <see cref="Hessian"/> with the weights w_k also checked (each node's ∇_f log p and ∇²_f log p as
    /// <see cref="Hessian"/> checks the training label's; a weight below 2^-1022 as M·2^E, as in <see cref="Fisher"/>); accuracy
    /// as for <see cref="Hessian"/> (T = N·K·(M² + M)). A node whose
    /// ∇²_f log p itself is beyond the double range enters through its finite factors (the Bernoulli probability's
    /// (−1/q)·(1/q) at q &lt; 7.5e-155: at q = 1e-200, x = 1 the expected negative Hessian 1/(q(1 − q)) ≈ 1e200 was rejected);
    /// a likelihood without factors, or a factor beyond the range (1/q for q &lt; 1/double.MaxValue), is the likelihood's
    /// <see cref="ArgumentException"/>.
    /// </remarks>
    public Matrix<double> ExpectedNegativeHessian(Vector<double> theta) => SampleSum(theta, symmetrize: true,
        (e, t, n) =>
        {
            var rule = Likelihood.Expectation(t.F);
            if (!ScaledSum.Ordinary(rule.Weights) || t.WeightsScaledWhereNeeded() is not null)
                return null;
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var (y, at) = t.Node(rule, k);
                e -= rule.Weights[k] * at.LogDensityHessian(y);
            }
            return e;
        },
        (sum, t, n) =>
        {
            var rule = Likelihood.Expectation(t.F);
            var w = t.WeightParts(rule);
            for (int k = 0; k < rule.Labels.Count; k++)
            {
                var (y, at) = t.Node(rule, k);
                at.AddTo(sum, -w.Mantissas[k], w.Exponents[k], y);
            }
        });

    /// <summary>
    /// Σ_n of per-sample matrices: the plain form (each sample added to the running total as the formulas always did;
    /// null where the sample's own factors are outside the ordinary range), kept where J_n and ∇²f_n^(m) are within
    /// [2^-100, 2^100] and the sum is finite, else the scaled sum over all samples.
    /// </summary>
    private Matrix<double> SampleSum(Vector<double> theta, bool symmetrize, Func<Matrix<double>, SampleTerms, int, Matrix<double>?> plain,
        Action<ScaledCurvatureSum, SampleTerms, int> scaled) =>
        NamingTheta(() => SampleSumNamingF(theta, symmetrize, plain, scaled), theta);

    private Matrix<double> SampleSumNamingF(Vector<double> theta, bool symmetrize, Func<Matrix<double>, SampleTerms, int, Matrix<double>?> plain,
        Action<ScaledCurvatureSum, SampleTerms, int> scaled)
    {
        CheckTheta(theta);
        var samples = Enumerable.Range(0, Count).Select(n => SampleCurvature(n, theta)).ToArray();
        var total = Matrix<double>.Build.Dense(Dimension, Dimension);
        bool ordinary = true;
        for (int n = 0; n < Count && ordinary; n++)
        {
            var next = samples[n].Ordinary ? plain(total, samples[n], n) : null;
            if (next is null)
                ordinary = false;
            else
                total = next;
        }
        if (ordinary && total.Enumerate().All(double.IsFinite))
            return symmetrize ? Symmetrize(total) : total;
        var sum = new ScaledCurvatureSum(Dimension);
        for (int n = 0; n < Count; n++)
        {
            scaled(sum, RequireFiniteModelPieces(samples[n], n, theta), n);
        }
        return sum.Value();
    }

    /// <summary>
    /// Bound on the entrywise error of <see cref="Fisher"/> and <see cref="ExpectedNegativeHessian"/> from truncating the
    /// expectation: Σ_n TailBound_n·(‖J_n‖_F² + Σ_m ‖∇²f_n^(m)‖_F) (0 for exact rules).
    /// </summary>
    /// <remarks>
    /// Range (issue 15, item 1): the plain sum, or, where it is not finite (‖J_n‖_F² or a Frobenius norm overflowed while
    /// TailBound_n ≤ 55·<see cref="PoissonLog.RelativeTail"/> scales it down: a Poisson linear fit at x = 1e160 gave +∞ for
    /// the exact ≈ 1e302), the larger bound Σ_n TailBound_n·(Σ_ij J_ij² + Σ_m Σ_ij |∇²f_ij^(m)|) (‖H‖_F ≤ Σ|H_ij|) in one
    /// <see cref="ScaledSum"/>, within (2 + T)·u of its exact value (T terms). A bound that is itself beyond
    /// ±double.MaxValue is an <see cref="ArgumentException"/> naming θ (the truncation error could not be stated), never +∞.
    /// </remarks>
    /// <exception cref="ArgumentException">θ or the data are invalid, or the bound is beyond double.MaxValue.</exception>
    public double FisherTailBound(Vector<double> theta)
    {
        double total = 0;
        var tails = new List<(double Tail, int Sample)>();
        for (int n = 0; n < Count; n++)
        {
            var rule = Likelihood.Expectation(Output(n, theta));
            if (rule.TailBound == 0)
                continue;
            tails.Add((rule.TailBound, n));
            double jn = Jacobian(n, theta).FrobeniusNorm();
            double hn = Enumerable.Range(0, Model.OutputDimension).Sum(m => Model.OutputHessian(Data.Inputs[n], theta, m).FrobeniusNorm());
            total += rule.TailBound * (jn * jn + hn);
        }
        if (double.IsFinite(total))
            return total;
        var sum = new ScaledSum();
        foreach (var (tail, n) in tails)
        {
            var factors = Jacobian(n, theta).Enumerate()
                .Concat(Enumerable.Range(0, Model.OutputDimension).SelectMany(m => Model.OutputHessian(Data.Inputs[n], theta, m).Enumerate()));
            if (!factors.All(double.IsFinite)) // J_n = ∞ (a tanh MLP's W₂·x beyond the range) reached the scaled sum, whose exception named "factors"
                throw new ArgumentException(
                    $"the expectation's tail bound of {Likelihood.Name} is beyond double.MaxValue at θ = {Require.ShowAll(theta)} (J_{n} or ∇²f_{n} of {Model.Name} is itself beyond the double range).",
                    nameof(theta));
            foreach (double j in Jacobian(n, theta).Enumerate())
                sum.Add(tail, j, j);
            for (int m = 0; m < Model.OutputDimension; m++)
                foreach (double h in Model.OutputHessian(Data.Inputs[n], theta, m).Enumerate())
                    sum.Add(tail, Math.Abs(h));
        }
        double bound = sum.Value;
        return double.IsFinite(bound)
            ? bound
            : throw new ArgumentException(
                $"the expectation's tail bound of {Likelihood.Name} is beyond double.MaxValue at θ = {Require.ShowAll(theta)} (‖J_n‖_F² times the tail exceeds the double range).",
                nameof(theta));
    }

    /// <summary>
    /// J_n and ∇_f log p at the training labels, once per sample, and the scores s_n = J_nᵀ∇_f log p from them (as
    /// <see cref="Score"/> computes them); an <see cref="ArgumentException"/> naming θ where a score entry is beyond
    /// ±double.MaxValue, as <paramref name="what"/> cannot be formed from it.
    /// </summary>
    private ((Matrix<double> J, ScaledVector G)[] Factors, Vector<double>[] Scores) TrainingScores(Vector<double> theta, string what)
    {
        var factors = Enumerable.Range(0, Count).Select(n => ScoreFactors(n, theta)).ToArray();
        var scores = factors.Select(f => ScoreFrom(f.J, f.G)).ToArray();
        int beyond = Array.FindIndex(scores, s => !s.All(double.IsFinite));
        if (beyond >= 0)
            throw new ArgumentException(
                $"s_{beyond} of {Model.Name} with {Likelihood.Name} is beyond ±double.MaxValue at θ = {Require.ShowAll(theta)}: {what} cannot be formed from it.",
                nameof(theta));
        return (factors, scores);
    }

    /// <summary>F̃(θ) = Σ_n s_n s_nᵀ at the training labels (eq. 7.3).</summary>
    /// <remarks>
    /// The plain sum of outer products where every score entry, J_n entry and ∇_f log p entry is within [2^-100, 2^100]
    /// (or 0) and the sum is finite, else one <see cref="ScaledCurvatureSum"/> of J_ia·g_i·J_jb·g_j (s never formed): within
    /// (N·M² + 4)·u·Σ|terms| of the exact sum for the computed J_n and ∇_f log p, ±∞ only where that is beyond
    /// ±double.MaxValue.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// θ or the data are invalid, or a score entry s_na is beyond ±double.MaxValue (its double ±∞; then F̃_aa ≥ s_na² is beyond
    /// the range too, and the other entries of its row cannot be formed): the scaled sum's own rejection named its internal
    /// parameter "factors" (linear Gaussian fit, x = 3.8e71, y = −1.1e278, σ² = 3.5e-10: s = −1e359).
    /// </exception>
    public Matrix<double> EmpiricalFisher(Vector<double> theta)
    {
        // the scaled sum below needs J_n and ∇_f log p as well as the scores
        var (factors, scores) = TrainingScores(theta, "F̃");
        var ef = Matrix<double>.Build.Dense(Dimension, Dimension);
        foreach (var s in scores)
            ef += s.OuterProduct(s);
        if (scores.All(s => ScaledSum.Ordinary(s))
            && factors.All(f => ScaledSum.Ordinary(f.J.Enumerate()) && f.G.IsPlain && ScaledSum.Ordinary(f.G.Mantissas))
            && ef.Enumerate().All(double.IsFinite))
            return ef;
        // J_n and ∇_f log p in the scaled sum, s never formed: an entry s_na = J_na·g below the range had rounded to 0 before
        // s_nb scaled it back up (x = (2.1e-309, −5.4e267), g = 1.5e-35: F̃[0, 1] = −2.7e-111 came out 0)
        var sum = new ScaledCurvatureSum(Dimension);
        foreach (var (j, g) in factors)
            sum.AddRankOneScaled(1, j, g);
        return sum.Value();
    }

    /// <summary>
    /// Σ(θ) = Cov[g(θ)] for g = −N s_n with n uniform on [N] (eq. 7.22), as the centered sum (1/N)Σ_n (g_n − ∇R)(g_n − ∇R)ᵀ
    /// (E[g] = ∇R): not through the identity being checked.
    /// </summary>
    /// <remarks>
    /// Each deviation g_n − ∇R = Σ_m s_m − N·s_n is the exact rational of the computed scores, carried as M·2^E with M its
    /// mantissa rounded once (within u), and Σ_n c_n c_nᵀ/N is one <see cref="ScaledCurvatureSum"/>: each entry within
    /// (N + 7)·u·(Σ_n|c_na c_nb|/N) of the exact covariance of the computed scores (first order: 2u for the deviations, u for
    /// 1/N, 2u for the product, (N − 1)u for the accumulation and u for the final rounding, with 2u to spare), plus 2^-1074
    /// where it is subnormal, ±∞ only where the entry is beyond ±double.MaxValue. The bound is relative to the deviations,
    /// not to the scores: the plain centred form −N·s_n − ∇R, used before stop 41 wherever it was finite, rounded ∇R first,
    /// an error of u·|∇R| in each deviation, so where the scores nearly agree the deviations cancelled and the entry was off
    /// by its own size (Poisson, linear model, x = 1, 1, 1 + 2^-52, y = 2, θ = 0: Σ₀₀ = 2.63e-31, exact 2^-103 ≈ 9.86e-32).
    /// The scores' own errors (<see cref="Score"/>) pass into the deviations unchanged. The exact deviations cost O(N·d)
    /// rational operations a call; the method serves the claims' tests, not an optimizer loop.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// θ or the data are invalid, or a score s_n = J_nᵀ∇_f log p is beyond ±double.MaxValue (its double is ±∞), so that the
    /// deviations cannot be formed: the plain form was returned there with NaN entries (one sample x = y = 1e200 of a
    /// least-squares line through 0, score 1e400: −∞ − (−∞), where the covariance of a single sample is exactly 0).
    /// </exception>
    public Matrix<double> GradientCovariance(Vector<double> theta)
    {
        var (_, scores) = TrainingScores(theta, "the gradient covariance");
        // Each c_na is the exact rational Σ_m s_ma − N·s_na, its mantissa rounded once: the deviations cancel (scores A, A,
        // A⁺ give ulp, ulp, −2ulp; scores 1, 1, 1 + 2^-52 give 2^-52, 2^-52, −2^-51), and any rounding before the
        // subtraction is off by an ulp of the scores, i.e. by the deviation's own size. Carried as M·2^E, a deviation beyond
        // the range (scores ±1e308) or below 2^-1022 keeps its digits until the products scale it.
        var totals = Enumerable.Range(0, Dimension)
            .Select(a => scores.Aggregate(Fraction.Zero, (total, s) => total + ExactDouble.ToFraction(s[a]))).ToArray();
        var sum = new ScaledCurvatureSum(Dimension);
        double weight = 1.0 / Count;
        foreach (var s in scores)
        {
            var mantissas = new double[Dimension];
            var exponents = new int[Dimension];
            for (int a = 0; a < Dimension; a++)
            {
                var c = totals[a] - Count * ExactDouble.ToFraction(s[a]);
                if (c == Fraction.Zero)
                    continue;
                exponents[a] = ExactDouble.FloorLog2(Fraction.Abs(c));
                mantissas[a] = ExactDouble.ToDouble(c * ExactDouble.Pow2(-exponents[a]));
            }
            sum.AddOuterScaled(weight, new ScaledVector(mantissas, exponents));
        }
        return sum.Value();
    }

    /// <summary>(A + Aᵀ)/2: removes rounding asymmetry of products JᵀHJ.</summary>
    /// <remarks>Entrywise (a_ij + a_ji)/2, or a_ij/2 + a_ji/2 where the sum overflows (entries of 1e308 gave +∞).</remarks>
    private static Matrix<double> Symmetrize(Matrix<double> a) => Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (i, j) =>
    {
        double sum = a[i, j] + a[j, i];
        return double.IsInfinity(sum) ? a[i, j] / 2 + a[j, i] / 2 : sum / 2;
    });
}
