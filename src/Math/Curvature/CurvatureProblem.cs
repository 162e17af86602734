using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using ExactDouble = Verification.Numerics.Exact.ExactDouble;
using FractionExtensions = Verification.Numerics.Exact.FractionExtensions;
using RationalInterval = Verification.Numerics.Exact.RationalInterval;

namespace Verification.Numerics.Curvature;

/// <summary>The splits R(θ) = Σ_n a_n(b_n(θ)) of balles-thesis §7.3.3 and §7.4.1.</summary>
public enum SplitKind
{
    /// <summary>Eq. (7.13): a_n(b) = −log p(y_n|b), b_n(θ) = f(x_n, θ).</summary>
    Canonical,

    /// <summary>Eq. (7.12): a_n = ℓ_n, b_n(θ) = θ.</summary>
    Identity,

    /// <summary>Eq. (7.17): a_n(b) = −log b, b_n(θ) = p(y_n|f(x_n, θ)).</summary>
    EmpiricalFisher,
}

/// <summary>
/// One problem of balles-thesis eq. (7.1), R(θ) = −Σ_n log p(y_n|f(x_n, θ)), in arithmetic T, with the curvature
/// matrices of chapter 7 written once: the model's Jacobian and Hessians in closed form
/// (<see cref="CurvatureFormulas.ModelDerivatives{T}"/>), every other derivative by forward mode
/// (<see cref="HyperDualReal{T}"/>) on the generic log-density and on the composed objective (which never sees a split or a
/// chain rule), every expectation over y by the exact rule of <see cref="CurvatureFormulas.Expectation{U}"/>. Per-sample
/// model derivatives are computed once and reused.
/// </summary>
public sealed class CurvatureProblem<T> where T : IReal<T>
{
    private readonly SecondOrderExpansion<T>?[] _models;
    private readonly IReadOnlyList<(T[] Label, T Weight, T[] Gradient, RealMatrix<T> Hessian, T[] At)>?[] _nodes;
    private readonly (T[] Gradient, RealMatrix<T> Hessian)?[] _atLabel;
    private readonly (bool Done, ScaledLikelihoodTerms? Terms)[] _scaledTerms;

    /// <summary>Binds the shape, the curvature κ (curved-linear model only), the inputs x_n, the label vectors y_n and θ.</summary>
    /// <exception cref="ArgumentException">
    /// No samples, an x_n, y_n or θ of the wrong length, or a non-finite κ, x_n, y_n or θ entry (a NaN or ±∞ double:
    /// before, Fisher and TermScale came back NaN).
    /// </exception>
    public CurvatureProblem(CurvatureShape shape, T kappa, IReadOnlyList<T[]> inputs, IReadOnlyList<T[]> labels, IReadOnlyList<T> theta)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(theta);
        if (inputs.Count == 0 || inputs.Count != labels.Count)
            throw new ArgumentException($"need N ≥ 1 inputs and as many labels, got {inputs.Count} and {labels.Count}.", nameof(labels));
        for (int n = 0; n < inputs.Count; n++)
        {
            if (inputs[n].Length != shape.Inputs)
                throw new ArgumentException($"x_{n} must have length {shape.Inputs}, got {inputs[n].Length}.", nameof(inputs));
            if (labels[n].Length != shape.LabelLength)
                throw new ArgumentException($"y_{n} must have length {shape.LabelLength}, got {labels[n].Length}.", nameof(labels));
        }
        if (theta.Count != shape.Parameters)
            throw new ArgumentException($"theta must have length {shape.Parameters}, got {theta.Count}.", nameof(theta));
        RequireFinite([kappa], nameof(kappa));
        for (int n = 0; n < inputs.Count; n++)
        {
            RequireFinite(inputs[n], nameof(inputs));
            RequireFinite(labels[n], nameof(labels));
        }
        RequireFinite(theta, nameof(theta));
        Shape = shape;
        Kappa = kappa;
        Inputs = inputs;
        Labels = labels;
        Theta = theta;
        _models = new SecondOrderExpansion<T>?[inputs.Count];
        _nodes = new IReadOnlyList<(T[], T, T[], RealMatrix<T>, T[])>?[inputs.Count];
        _atLabel = new (T[], RealMatrix<T>)?[inputs.Count];
        _scaledTerms = new (bool, ScaledLikelihoodTerms?)[inputs.Count];
    }

    /// <summary>Throws unless every value is finite (in doubles: not NaN or ±∞; intervals and exact numbers always are).</summary>
    private static void RequireFinite(IEnumerable<T> values, string name)
    {
        foreach (var v in values)
            if (!T.IsFinite(v))
                throw new ArgumentException(
                    $"{name} must have finite entries (within ±double.MaxValue), got {Require.Show(T.Estimate(v))}.", name);
    }

    /// <summary>The shape.</summary>
    public CurvatureShape Shape { get; }

    /// <summary>κ.</summary>
    public T Kappa { get; }

    /// <summary>x_n.</summary>
    public IReadOnlyList<T[]> Inputs { get; }

    /// <summary>y_n as label vectors.</summary>
    public IReadOnlyList<T[]> Labels { get; }

    /// <summary>θ.</summary>
    public IReadOnlyList<T> Theta { get; }

    /// <summary>N.</summary>
    public int Count => Inputs.Count;

    /// <summary>d.</summary>
    public int Dimension => Theta.Count;

    /// <summary>f(x_n, θ) (no derivatives).</summary>
    public T[] Output(int n) => CurvatureFormulas.Output(Shape, Kappa, Inputs[n], Theta);

    /// <summary>True when every f(x_n, θ) is in the likelihood's domain.</summary>
    public bool OutputsInDomain() => Enumerable.Range(0, Count).All(n => CurvatureFormulas.InDomain(Shape.Likelihood, Output(n)));

    /// <summary>f(x_n, θ), J_n = J_θf(x_n, θ) and ∇²_θf_n^(m) in closed form (<see cref="CurvatureFormulas.ModelDerivatives{T}"/>, computed once per n).</summary>
    public SecondOrderExpansion<T> Model(int n) => _models[n] ??= CurvatureFormulas.ModelDerivatives(Shape, Kappa, Inputs[n], Theta);

    /// <summary>∇_f log p(y|f) and ∇²_f log p(y|f) in closed form (<see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>).</summary>
    public (T[] Gradient, RealMatrix<T> Hessian) LogDensityDerivatives(T[] y, T[] f) => CurvatureFormulas.LogDensityDerivatives(Shape, y, f);

    /// <summary>
    /// The expectation nodes of sample n with their weights and ∇_f log p, ∇²_f log p there (computed once per n). Label and
    /// At are where they are evaluated: for the Gaussians the offset y_k − f₀ at f with f₀ = 0
    /// (<see cref="CurvatureFormulas.ExpectationOffsets{U}"/>), since the nodes f₀ ∓ √(3v) round to f₀ beyond
    /// |f₀| ≈ 2^53·√(3v) (the Fisher came out 0 for JᵀJ, the mean–variance E[−∇²]_vv −½ for +½: Review37Examples); else
    /// the node itself at f. The Poisson node scores y_k − λ are the rule's roots u∓ themselves
    /// (<see cref="CurvatureFormulas.ExpectationNodeScores{U}"/>), since the nodes λ + u± round to λ beyond f ≈ 74.
    /// </summary>
    private IReadOnlyList<(T[] Label, T Weight, T[] Gradient, RealMatrix<T> Hessian, T[] At)> Nodes(int n)
    {
        if (_nodes[n] is { } cached)
            return cached;
        var f = Model(n).Value;
        var offsets = CurvatureFormulas.ExpectationOffsets(Shape, f);
        var centred = offsets is null ? f : f.Select((v, i) => i == 0 ? T.Of(0) : v).ToArray();
        var scores = CurvatureFormulas.ExpectationNodeScores(Shape, f);
        return _nodes[n] = RuleOf(n).Select((p, k) =>
        {
            var label = offsets is null ? p.Label : [offsets[k]];
            var (g, h) = LogDensityDerivatives(label, centred);
            return (label, p.Weight, scores is null ? g : [scores[k]], h, centred);
        }).ToList();
    }

    /// <summary>∇_f log p(y_n|f_n) and ∇²_f log p(y_n|f_n) at the training label (computed once per n).</summary>
    private (T[] Gradient, RealMatrix<T> Hessian) AtLabel(int n) => _atLabel[n] ??= LogDensityDerivatives(Labels[n], Model(n).Value);

    /// <summary>
    /// Sample n's expectation weights, node scores and ∇²_f log p carried as M·2^E where one falls below 2^-1022 (doubles
    /// only, logit, Poisson and softmax: <see cref="CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded"/>) and J_n or
    /// ∇²f_n may scale it back up (<see cref="MayScaleBackUp"/>); computed once. Null elsewhere, where the doubles of
    /// <see cref="Nodes"/> serve, bit for bit as before.
    /// </summary>
    internal ScaledLikelihoodTerms? ScaledTerms(int n)
    {
        if (typeof(T) != typeof(Float64))
            return null;
        if (!_scaledTerms[n].Done)
        {
            var terms = CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded(Shape, Model(n).Value.Select(T.Estimate).ToArray());
            _scaledTerms[n] = (true, terms is not null && MayScaleBackUp(terms, Model(n)) ? terms : null);
        }
        return _scaledTerms[n].Terms;
    }

    /// <summary>
    /// True unless every term a carried piece p below 2^-1022 enters changes by less than 2^-1076 whichever way p's double
    /// rounds (then the doubles are within the 2^-1074 per term the bounds allow: a softmax class at e^-1000 beside J
    /// entries near 1, whose Fisher keeps its plain form bit for bit). A term is p times at most two other pieces (each
    /// below 2^2 together) and J_ia·J_kb (below 2^(2e_J + 2)) or a ∇²f entry (below 2^(e_H + 1)), e_J and e_H the largest
    /// binary exponents; p's double is off by at most min(2^(e_p + 1), 2^-1072) (its subnormal rounding, or p itself where
    /// it is 0), so the terms change by less than 2^-1076 where min(e_p, −1073) + max(2e_J + 2, e_H + 1) ≤ −1079 for every
    /// carried p below 2^-1022, i.e. for the largest such e_p (where none is below, the smallest e_p of all, as before).
    /// Until stop 41 the smallest e_p of all decided, so a softmax Hessian entry π_iπ_j of two tiny classes hid a π_i that J
    /// scales back up (tanh MLP, C = 4, f = (−1000, −800, 0, 700), J₀₀ = 1e300: the Fisher, E[−∇²] and GGN [0, 0] came out 0,
    /// exact J₀₀²·π₀(1 − π₀) ≈ 5.0e-139, π₀π₁ ≈ e^-3200 having set e_p).
    /// A non-finite J or ∇²f entry counts as large (the scaled sums then reject it naming the range).
    /// </summary>
    private static bool MayScaleBackUp(ScaledLikelihoodTerms terms, SecondOrderExpansion<T> model)
    {
        long smallest = long.MaxValue, largestBelowNormal = long.MinValue;
        void See(double m, int e)
        {
            if (m == 0)
                return;
            long exponent = (long)Math.ILogB(m) + e;
            smallest = Math.Min(smallest, exponent);
            if (exponent < -1022)
                largestBelowNormal = Math.Max(largestBelowNormal, exponent);
        }
        foreach (var (weight, g) in terms.Nodes)
        {
            See(weight.Mantissa, weight.Exponent);
            for (int m = 0; m < g.Count; m++)
                See(g.Mantissas[m], g.Exponents[m]);
        }
        foreach (var (m, e) in terms.Hessian)
            See(m, e);
        var jacobian = Enumerable.Range(0, model.Jacobian.Rows).SelectMany(i => model.Jacobian.Row(i)).Select(v => Math.Abs(T.Estimate(v))).ToArray();
        var hessians = model.Hessians.SelectMany(h => Enumerable.Range(0, h.Rows).SelectMany(i => h.Row(i))).Select(v => Math.Abs(T.Estimate(v))).ToArray();
        if (!jacobian.Concat(hessians).All(double.IsFinite))
            return true;
        static long Largest(double[] values) => values.Where(v => v != 0).Select(v => (long)Math.ILogB(v)).DefaultIfEmpty(-100_000).Max();
        long scale = Math.Max(2 * Largest(jacobian) + 2, Largest(hessians) + 1);
        long decisive = largestBelowNormal != long.MinValue ? largestBelowNormal : smallest;
        return Math.Min(decisive, -1073) + scale > -1079;
    }

    /// <summary>The exact expectation rule over y ~ p(·|f(x_n, θ)).</summary>
    /// <exception cref="ArgumentException">
    /// A <see cref="DoubleRangeException"/> naming θ where a node or weight is beyond ±double.MaxValue in doubles (the
    /// Poisson's at λ = eᶠ = ∞, which were NaN).
    /// </exception>
    public IReadOnlyList<(T[] Label, T Weight)> Expectation(int n)
    {
        var rule = RuleOf(n);
        return rule.All(p => T.IsFinite(p.Weight) && p.Label.All(T.IsFinite)) ? rule : throw BeyondRange($"the expectation rule of sample {n}");
    }

    /// <summary>The rule of <see cref="Expectation"/> with non-finite nodes or weights as they are: the members reject what they reach.</summary>
    private IReadOnlyList<(T[] Label, T Weight)> RuleOf(int n) => CurvatureFormulas.ExpectationUnchecked(Shape, Model(n).Value);

    /// <summary>F(θ) = Σ_n J_nᵀ E_y[∇_f log p ∇_f log pᵀ] J_n = Σ_n E_y[s_n s_nᵀ] (eq. 7.2 with the chain rule D.20).</summary>
    /// <remarks>
    /// In doubles, where that form is not finite, a term w_k·g_i·g_j of the inner matrix may fall below the normal range
    /// (its factors' binary exponents sum to at most −1020), or so may a product J_ia·inner_ij that Jᵀ·inner forms before
    /// J scales it back up (inputs 1e-200 and 1e200 with v = 1e100: F = x₀x₁/(2v²) ≈ 5e-201 came out 0), each entry is Σ_{n,k,i,j} w_k·J_ia·g_i·J_jb·g_j in one exact scaled
    /// sum (<see cref="ScaledCurvatureSum.AddRankOne"/>: g gᵀ and Jᵀg are never formed). Overflow: the
    /// Bernoulli-probability Fisher at q = 1e-200 was +∞ (q·(1/q)² with (1/q)² = ∞; exact 1/(q(1 − q)) ≈ 1e200). Underflow:
    /// the Gaussian mean–variance Fisher (linear model, x = 1e200, μ = 0, v = x) has F_vv = x²/(2v²) = ½, but w·g_v² ≈ 1e-400
    /// rounded to 0 and the entry came out 0. Then each entry is within (4 + T)·u·Σ|w J g J g| (u = 2^-53, T = K·M² terms per
    /// sample summed over samples, first order) plus 2^-1074 where subnormal, +∞ only where the entry is beyond
    /// double.MaxValue (rejected). Where an expectation weight or node score of the logit, Poisson or softmax falls below
    /// 2^-1022 while J_n scales it back up (<see cref="ScaledTerms"/>; tanh MLP at f = −800 with J₀₀ = 1e300: F₀₀ came out
    /// 0, exact e^-800/(1 + e^-800)²·1e600 ≈ 3.6e252), that sample's terms take the weights and scores as M·2^E, the
    /// weight's power of two applied in each term's one final scaling (<see cref="ScaledCurvatureSum.AddRankOneScaled(double, int, MathNet.Numerics.LinearAlgebra.Matrix{double}, Likelihoods.ScaledVector)"/>): the same (4 + T)·u,
    /// plus the pieces' own error (<see cref="CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded"/>: 3u for the logit and
    /// Poisson). Elsewhere the plain form runs, bit for bit as before.
    /// </remarks>
    /// <exception cref="ArgumentException">In doubles, an entry beyond ±double.MaxValue (or a factor's overflow made it ±∞ or NaN).</exception>
    public RealMatrix<T> Fisher()
    {
        var total = Zero(Dimension);
        bool underflows = false;
        for (int n = 0; n < Count; n++)
        {
            var e = Model(n);
            var inner = Zero(Shape.Outputs);
            foreach (var (_, weight, g, _, _) in Nodes(n))
            {
                inner += weight * Outer(g, g);
                underflows |= typeof(T) == typeof(Float64) && OuterTermMayUnderflow(weight, g);
            }
            underflows |= typeof(T) == typeof(Float64) && (JacobianTermMayUnderflow(e.Jacobian, inner) || ScaledTerms(n) is not null);
            total += e.Jacobian.Transpose() * inner * e.Jacobian;
        }
        if (AllFinite(total) && !underflows)
            return total;
        if (typeof(T) == typeof(Float64))
        {
            var sum = new ScaledCurvatureSum(Dimension);
            for (int n = 0; n < Count; n++)
            {
                var j = ToDoubles(Model(n).Jacobian);
                RequireFiniteFactors("F(θ)", j.Enumerate());
                if (ScaledTerms(n) is { } terms)
                {
                    foreach (var (weight, g) in terms.Nodes)
                        sum.AddRankOneScaled(weight.Mantissa, weight.Exponent, j, g);
                    continue;
                }
                foreach (var (_, weight, g, _, _) in Nodes(n))
                {
                    RequireFiniteFactors("F(θ)", NodeFactors(weight, g));
                    sum.AddRankOne(T.Estimate(weight), j, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(g.Length, i => T.Estimate(g[i])));
                }
            }
            var value = sum.Value();
            return InRange(RealMatrix<T>.Create(Dimension, Dimension, (a, b) => T.Of(value[a, b])), "F(θ)");
        }
        total = Zero(Dimension); // other arithmetics: the rigorous ones are always finite and never reach this
        for (int n = 0; n < Count; n++)
        {
            var jt = Model(n).Jacobian.Transpose();
            foreach (var (_, weight, g, _, _) in Nodes(n))
            {
                var s = jt * RealMatrix<T>.Create(g.Length, 1, (i, _) => g[i]);
                total += Outer(Enumerable.Range(0, Dimension).Select(a => weight * s[a, 0]).ToArray(),
                    Enumerable.Range(0, Dimension).Select(a => s[a, 0]).ToArray());
            }
        }
        return InRange(total, "F(θ)");
    }

    /// <summary>
    /// True when some w·g_i·g_j with nonzero factors may lie below 2^-1022 (the sum of the factors' binary exponents is at
    /// most −1020), where the plain inner matrix loses digits or rounds to 0 before J scales it up.
    /// </summary>
    private static bool OuterTermMayUnderflow(T weight, T[] g)
    {
        double w = Math.Abs(T.Estimate(weight));
        if (w == 0)
            return false;
        int smallest = SmallestExponent(g);
        return smallest != int.MaxValue && (long)Math.ILogB(w) + 2L * smallest <= -1020;
    }

    /// <summary>
    /// True when some product J_ia·inner_ij with nonzero factors, the first one (Jᵀ·inner)_aj sums, may lie below 2^-1022
    /// (binary exponents summing to at most −1020): it loses digits or rounds to 0 before J_jb scales it back up (two inputs
    /// 1e-200 and 1e200, inner 1/(2v²) ≈ 5e-201: the Fisher entry x₀x₁/(2v²) ≈ 5e-201 came out 0). Per row i the smallest
    /// exponents of J's row and of the inner matrix's row are a pair the product forms, so no such product is missed.
    /// </summary>
    private static bool JacobianTermMayUnderflow(RealMatrix<T> jacobian, RealMatrix<T> inner)
    {
        for (int i = 0; i < jacobian.Rows; i++)
        {
            int smallestJ = SmallestExponent(Enumerable.Range(0, jacobian.Columns).Select(a => jacobian[i, a]));
            int smallestInner = SmallestExponent(Enumerable.Range(0, inner.Columns).Select(j => inner[i, j]));
            if (ScaledCurvatureSum.ProductMayUnderflow(smallestJ, smallestInner))
                return true;
        }
        return false;
    }

    /// <summary><see cref="ScaledCurvatureSum.SmallestExponent"/> of the values' estimates (exact for <see cref="Float64"/>).</summary>
    private static int SmallestExponent(IEnumerable<T> values) => ScaledCurvatureSum.SmallestExponent(values.Select(v => Math.Abs(T.Estimate(v))));

    /// <summary>The estimates of a matrix's entries (exact for <see cref="Float64"/>).</summary>
    private static MathNet.Numerics.LinearAlgebra.Matrix<double> ToDoubles(RealMatrix<T> a) =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(a.Rows, a.Columns, (i, j) => T.Estimate(a[i, j]));

    /// <summary>
    /// The matrix, or a <see cref="DoubleRangeException"/> (an <see cref="ArgumentException"/>) naming θ (the constructor's parameter "theta", as its own checks
    /// do; nameof(Theta) named the property) where an entry is not finite (doubles only: an overflow
    /// of the matrix or of a factor, e.g. ∇²_f log p = −1/q² of the Bernoulli probability below q ≈ 7.5e-155, which made
    /// the expected negative Hessian +∞ where its exact value is 1/(q(1 − q))): a result beyond ±double.MaxValue is
    /// rejected, never returned as ±∞ or NaN.
    /// </summary>
    private RealMatrix<T> InRange(RealMatrix<T> m, string what) => AllFinite(m) ? m : throw BeyondRange(what);

    private DoubleRangeException BeyondRange(string what) => new(
        $"{what} of {Shape.LikelihoodName} is beyond ±double.MaxValue at θ = [{string.Join(", ", Theta.Select(t => Require.Show(T.Estimate(t))))}]: the documented range needs every entry and factor within it.",
        "theta");

    /// <summary>
    /// Rejects as <see cref="InRange"/> does where a factor of a scaled sum is not finite (a J_n, ∇²f_n, score or weight
    /// entry beyond the range): the scaled sums' own check named no range ("a factor of a scaled sum must be finite",
    /// parameter "factors"; tanh MLP with W₂ entries near −9e307 and 1e289: J_n = ±∞, Fisher).
    /// </summary>
    private void RequireFiniteFactors(string what, params IEnumerable<double>[] factors)
    {
        foreach (var entries in factors)
            if (!entries.All(double.IsFinite))
                throw BeyondRange(what);
    }

    /// <summary>A node's factors in doubles: the entries of g = ∇_f log p at the node, then its weight.</summary>
    private static IEnumerable<double> NodeFactors(T weight, T[] g) => g.Select(T.Estimate).Append(T.Estimate(weight));

    /// <summary>True when every entry is finite (<see cref="IReal{T}.IsFinite"/>).</summary>
    private static bool AllFinite(RealMatrix<T> a)
    {
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                if (!T.IsFinite(a[i, j]))
                    return false;
        return true;
    }

    /// <summary>
    /// Σ_n E_y[−∇²_θ log p(y|f(x_n, θ))] with ∇²_θ log p = J_nᵀ∇²_f log p J_n + Σ_m [∇_f log p]_m ∇²_θf_n^(m) (eq. 7.9 for the
    /// canonical split), the second form of eq. (7.4).
    /// </summary>
    /// <exception cref="ArgumentException">In doubles, an entry beyond ±double.MaxValue (or a factor's overflow made it ±∞ or NaN).</exception>
    /// <remarks>
    /// In doubles, where a product J_ia·(∇²_f log p)_ij that Jᵀ·∇²_f log p forms before J scales it back up may fall below
    /// 2^-1022 (<see cref="JacobianTermMayUnderflow"/>; Bernoulli logit at f = 700 with inputs (2^-99, 2^99): entry [0, 1]
    /// came out 0, exact σ(700)σ(−700) ≈ 9.86e-305), each entry is Σ_{n,k} −w_k·(J_nᵀ∇²_f log p J_n + Σ_m g_m∇²f^(m)) in one
    /// scaled sum (<see cref="ScaledCurvatureSum"/>). The Gaussian mean–variance node Hessians enter that sum as M·2^E
    /// where an entry may fall below 2^-1022 (<see cref="HessianCarriedWhereNeeded"/>; x = v = 1e200:
    /// E[−∇²_θ]_vv = x²/(2v²) = ½ came out 0). The logit's, Poisson's and softmax's weights, node scores and
    /// ∇²_f log p enter as M·2^E where one falls below 2^-1022 while J_n scales it back up (<see cref="ScaledTerms"/>; tanh MLP
    /// at f = −800, J₀₀ = 1e300: E[−∇²]₀₀ came out 0, exact ≈ 3.6e252): −w_k·JᵀAJ and −w_k·Σ_m g_km∇²f^(m) with every
    /// power of two applied in each term's one final scaling (<see cref="ScaledCurvatureSum.AddCongruenceScaled"/>,
    /// <see cref="ScaledCurvatureSum.AddCurvatureScaled(double, int, Likelihoods.ScaledVector, IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}})"/>:
    /// within (5 + T)·u), plus the pieces' own error. Elsewhere the plain form runs, bit for bit as before.
    /// </remarks>
    public RealMatrix<T> ExpectedNegativeHessian()
    {
        var total = Zero(Dimension);
        bool underflows = false;
        for (int n = 0; n < Count; n++)
        {
            var e = Model(n);
            foreach (var (label, weight, g, h, at) in Nodes(n))
            {
                underflows |= typeof(T) == typeof(Float64)
                    && (JacobianTermMayUnderflow(e.Jacobian, h) || HessianCarriedWhereNeeded(label, at) is not null || ScaledTerms(n) is not null);
                total -= weight * LogDensityHessianByChainRule(e, g, h);
            }
        }
        if (underflows)
        {
            var sum = new ScaledCurvatureSum(Dimension);
            for (int n = 0; n < Count; n++)
            {
                var e = Model(n);
                var j = ToDoubles(e.Jacobian);
                var hessians = e.Hessians.Select(ToDoubles).ToArray();
                RequireFiniteFactors("E[−∇²_θ log p]", [j.Enumerate(), .. hessians.Select(m => m.Enumerate())]);
                if (ScaledTerms(n) is { } terms)
                {
                    var a = Likelihoods.ScaledMatrix.Of(terms.Hessian);
                    foreach (var (weight, g) in terms.Nodes)
                    {
                        sum.AddCongruenceScaled(-weight.Mantissa, weight.Exponent, j, a);
                        sum.AddCurvatureScaled(-weight.Mantissa, weight.Exponent, g, hessians);
                    }
                    continue;
                }
                foreach (var (label, weight, g, h, at) in Nodes(n))
                {
                    double w = -T.Estimate(weight);
                    RequireFiniteFactors("E[−∇²_θ log p]", NodeFactors(weight, g));
                    if (HessianCarriedWhereNeeded(label, at) is { } carried)
                        sum.AddCongruenceScaled(w, 0, j, carried);
                    else
                    {
                        RequireFiniteFactors("E[−∇²_θ log p]", ToDoubles(h).Enumerate());
                        sum.AddCongruence(w, j, ToDoubles(h));
                    }
                    sum.AddCurvature(w, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(g.Length, i => T.Estimate(g[i])), hessians);
                }
            }
            return FromScaled(sum, "E[−∇²_θ log p]");
        }
        return InRange(total, "E[−∇²_θ log p]");
    }

    /// <summary>
    /// In doubles, ∇²_f log p(y|f) carried as M_ij·2^(E_ij) where its doubles would lose digits before J scales them back
    /// up, so that JᵀHJ is one scaled sum: of the Gaussian mean–variance likelihood, its scaled form where an entry falls
    /// below 2^-1022 (<see cref="Likelihoods.LikelihoodBase.HessianScaledWhereNeeded"/>: −a/v where |a/v| &lt; 2^-2043, which
    /// no pair of normal factors holds; x = 1e300, y = −3e-40: G[0, 2] = r lost digits through P ⊙ Q), else the product of
    /// its factors P ⊙ Q where one may (<see cref="Likelihoods.LikelihoodBase.HessianFactorsWhereNeeded"/>: x = v = 1e200,
    /// E[−∇²_θ]_vv = x²/(2v²) = ½ had come out 0 from the doubles); of the Bernoulli probability the product (−1/q)·(1/q)
    /// where −1/q² itself is beyond the range (below q ≈ 7.5e-155: the expected negative Hessian, whose node term
    /// q·J(1/q²)J is J·J/q, was rejected at q = 1e-200 where its exact E[−∇²]₃₃ = 1/(q(1 − q)) = 1e200). A product of
    /// factors is their mantissas' product rounded once (<see cref="Likelihoods.ScaledMatrix.OfProduct"/>), the rounding
    /// the scaled sum's five-factor term had made. Null elsewhere, for other likelihoods and arithmetics, and where a factor
    /// itself is beyond the range (then the plain form's ±∞ is rejected naming θ).
    /// </summary>
    private Likelihoods.ScaledMatrix? HessianCarriedWhereNeeded(T[] label, T[] f)
    {
        if (typeof(T) != typeof(Float64))
            return null;
        if (Shape.Likelihood == LikelihoodFamily.BernoulliProbability)
        {
            double q = T.Estimate(f[0]);
            if (!(q > 0 && q < 1))
                return null; // outside the domain: rejected naming it
            try
            {
                return BernoulliProbabilityLikelihood.HessianFactorsWhereNeeded(T.Estimate(label[0]), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([q]))
                    is { } factors ? Likelihoods.ScaledMatrix.OfProduct(factors.P, factors.Q) : null;
            }
            catch (ArgumentException)
            {
                return null; // 1/q beyond the range (q below 1/double.MaxValue): the plain form's ±∞ is rejected naming θ
            }
        }
        if (Shape.Likelihood != LikelihoodFamily.GaussianMeanVariance)
            return null;
        double y = T.Estimate(label[0]), mean = T.Estimate(f[0]), variance = T.Estimate(f[1]);
        if (ScaledSum.Ordinary(y, mean, variance) || !(variance > 0))
            return null; // products of ordinary values stay normal (the plain form, bit for bit)
        double a = Likelihoods.GaussianTerms.ResidualOver(y, mean, variance);
        if (!double.IsFinite(a) || !double.IsFinite(1 / variance))
            return null;
        var at = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([mean, variance]);
        return GaussianMeanVarianceLikelihood.HessianScaledWhereNeeded(y, at)
            ?? (GaussianMeanVarianceLikelihood.HessianFactorsWhereNeeded(y, at) is { } pq ? Likelihoods.ScaledMatrix.OfProduct(pq.P, pq.Q) : null);
    }

    private static readonly Likelihoods.GaussianMeanVariance GaussianMeanVarianceLikelihood = new();

    private static readonly Likelihoods.BernoulliProbability BernoulliProbabilityLikelihood = new();

    /// <summary>A scaled sum's value as a matrix of T (doubles only), rejected as <see cref="InRange"/> does where not finite.</summary>
    private RealMatrix<T> FromScaled(ScaledCurvatureSum sum, string what)
    {
        var value = sum.Value();
        return InRange(RealMatrix<T>.Create(Dimension, Dimension, (a, b) => T.Of(value[a, b])), what);
    }

    private static RealMatrix<T> LogDensityHessianByChainRule(SecondOrderExpansion<T> e, T[] g, RealMatrix<T> h)
    {
        var total = e.Jacobian.Transpose() * h * e.Jacobian;
        for (int m = 0; m < g.Length; m++)
            total += g[m] * e.Hessians[m];
        return total;
    }

    /// <summary>G(θ) of the canonical split, −Σ_n J_nᵀ∇²_f log p(y_n|f_n)J_n (eqs. 7.10, 7.14).</summary>
    /// <remarks>
    /// The residual term beside it is not checked against the range: <see cref="Split"/>'s rejection of a residual beyond
    /// ±double.MaxValue rejected the GGN too (x = 1, θ = 1e-300, κ = 1e10, y = 1e300: residual −yκ = −1e310, GGN 1).
    /// </remarks>
    public RealMatrix<T> GeneralizedGaussNewton() => SplitChecking(SplitKind.Canonical, checkResidual: false).Ggn;

    /// <summary>
    /// The GGN (7.10) and the residual term Σ_{n,m}[∇_b a_n]_m∇²_θb_n^(m) of eq. (7.9) for a split, each piece by forward
    /// mode: the inner b_n's Jacobian and component Hessians in θ, the outer a_n's gradient and Hessian in b.
    /// </summary>
    /// <exception cref="ArgumentException">In doubles, an entry beyond ±double.MaxValue (or a factor's overflow made it ±∞ or NaN).</exception>
    /// <remarks>
    /// In doubles, where a product J_ia·(∇²_b a)_ij that Jᵀ·∇²_b a forms before J scales it back up may fall below 2^-1022
    /// (<see cref="JacobianTermMayUnderflow"/>; canonical split, Bernoulli logit at f = 700 with inputs (2^-99, 2^99): G[0, 1]
    /// came out 0 while G[1, 0] was 9.86e-305, exact σ(700)σ(−700) ≈ 9.86e-305), each GGN entry is Σ_n J_nᵀ∇²_b a_n J_n in one
    /// scaled sum (<see cref="ScaledCurvatureSum.AddCongruence(double, MathNet.Numerics.LinearAlgebra.Matrix{double}, MathNet.Numerics.LinearAlgebra.Matrix{double})"/>),
    /// within (2 + T)·u·Σ|terms| (T = N·M² terms), the canonical split's Gaussian mean–variance ∇²_b a_n as M·2^E
    /// where an entry may fall below 2^-1022 (<see cref="HessianCarriedWhereNeeded"/>: (4 + T)·u plus its entries' own error; at
    /// x = v = 1e200 G_vv = −½ came out 0), and the canonical split's logit, Poisson and softmax ∇²_f log p as M·2^E where an
    /// entry falls below 2^-1022 while J_n scales it back up (<see cref="ScaledTerms"/>,
    /// <see cref="ScaledCurvatureSum.AddCongruenceScaled"/>: (4 + T)·u plus A's own error; tanh MLP at f = −800, J₀₀ = 1e300: G₀₀ came out 0, exact ≈ 3.6e252);
    /// elsewhere the plain form runs, bit for bit as before. The canonical split's residual term −Σ_{n,m} g_m∇²f_n^(m) takes
    /// the score at the label g = ∇_f log p(y_n|f_n) as M·2^E where that is one of the rule's node scores carried so
    /// (<see cref="ScaledLabelScore"/>: the logit's σ(∓f), the softmax's e_y − π, the Poisson's −λ at y = 0), or the Gaussian
    /// mean–variance score where an entry is below 2^-1022 (<see cref="MeanVarianceLabelScoreWhereNeeded"/>; tanh MLP, x = 1e300,
    /// f = (0, 1e300), y = 1e-30: [0, 2] = −1e-30 came out 0, since stop 40), and sums the
    /// residual term in one scaled sum (<see cref="ScaledCurvatureSum.AddCurvatureScaled(double, int, Likelihoods.ScaledVector, IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}})"/>:
    /// within (3 + T)·u·Σ|terms| with T = N·M terms, plus g's own 3u + 2^-1018); the double g was 0 or lost its digits below
    /// 2^-1022 before ∇²f_n scaled it back up (tanh MLP, logit, y = 1, f = 800, x = 1e300: the residual term's [0, 2] came
    /// out 0, exact −σ(−800)·1e300 ≈ −2.7e-48). Elsewhere the plain form runs, bit for bit as before.
    /// <para>
    /// The empirical-Fisher split (eqs. 7.17, 7.9–7.10: b_n = 1 at θ₀, J_b = s_nᵀ, ∇²b_n = s_n s_nᵀ + ∇²_θ log p_n) in
    /// doubles, where an entry of some J_n or g_n = ∇_f log p(y_n|f_n) is not 0 or within [2^-100, 2^100], or g_n is
    /// carried as M·2^E (<see cref="EmpiricalFisher"/>'s condition), is formed from the closed-form pieces instead of the
    /// jets, which rejected an underflowed part scaled back up though the exact entries are in range (curved-linear
    /// Gaussian, κ = 1.88, x = (1e77, −1.2e-308), θ = (0, 3.6e-309), y = 4e-12: GGN[0, 1] ≈ −8.4e-255, residual
    /// [0, 1] ≈ −5.2e-232). The GGN Σ_n J_bᵀ(1/b²)J_b = F̃ is <see cref="EmpiricalFisher"/>'s scaled sum, within its
    /// (3 + N·M²)·u; the residual term −Σ_n (J_nᵀg_n g_nᵀJ_n + J_nᵀ∇²_f log p J_n + Σ_m g_m∇²f_n^(m)) is one scaled sum of
    /// the three (the last two as the canonical split's GGN and residual term take them: ∇²_f log p through P ⊙ Q or as
    /// M·2^E where those carry it), within (3 + T)·u·Σ|terms| (u = 2^-53, first order: at most four factors other than
    /// the weight −1, three roundings each; T = N·(2M² + M) terms, T − 1 additions and the final rounding) plus 2^-1074
    /// where it is subnormal, plus the pieces' own errors (J_n and ∇²f_n as <see cref="Model"/> states, g_n and
    /// ∇²_f log p as <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>, <see cref="ScaledLabelScore"/> and
    /// <see cref="ScaledTerms"/> state, each entering a term once or twice). A factor or an entry beyond ±double.MaxValue is
    /// rejected naming the range. Elsewhere the forward-mode form runs, bit for bit as before.
    /// </para>
    /// </remarks>
    public (RealMatrix<T> Ggn, RealMatrix<T> Residual) Split(SplitKind kind) => SplitChecking(kind, checkResidual: true);

    private (RealMatrix<T> Ggn, RealMatrix<T> Residual) SplitChecking(SplitKind kind, bool checkResidual)
    {
        RequireFiniteOutputs();
        if (kind == SplitKind.EmpiricalFisher && typeof(T) == typeof(Float64) && !ClosedFormPiecesOrdinary())
            return (ScaledEmpiricalFisher(), ScaledEmpiricalFisherResidual());
        var ggn = Zero(Dimension);
        var residual = Zero(Dimension);
        bool underflows = false;
        var pieces = new (SecondOrderExpansion<T> Inner, T[] OuterGradient, RealMatrix<T> OuterHessian)[Count];
        // ∇²_b a_n = −∇²_f log p carried as M·2^E for the canonical split where its doubles would lose digits (doubles only).
        var carried = new Likelihoods.ScaledMatrix?[Count];
        for (int n = 0; n < Count; n++)
        {
            var (inner, outerGradient, outerHessian) = pieces[n] = SplitPieces(kind, n);
            if (kind == SplitKind.Canonical)
                carried[n] = HessianCarriedWhereNeeded(Labels[n], inner.Value);
            underflows |= typeof(T) == typeof(Float64) && (JacobianTermMayUnderflow(inner.Jacobian, outerHessian) || carried[n] is not null
                || kind == SplitKind.Canonical && ScaledTerms(n) is not null);
            ggn += inner.Jacobian.Transpose() * outerHessian * inner.Jacobian;
            for (int m = 0; m < outerGradient.Length; m++)
                residual += outerGradient[m] * inner.Hessians[m];
        }
        if (underflows)
        {
            var sum = new ScaledCurvatureSum(Dimension);
            for (int n = 0; n < Count; n++)
            {
                if (kind == SplitKind.Canonical)
                {
                    AddCanonicalGgnTerm(sum, n, carried[n], $"the {kind} split's GGN");
                    continue;
                }
                RequireFiniteFactors($"the {kind} split's GGN", ToDoubles(pieces[n].Inner.Jacobian).Enumerate());
                RequireFiniteFactors($"the {kind} split's GGN", ToDoubles(pieces[n].OuterHessian).Enumerate());
                sum.AddCongruence(1, ToDoubles(pieces[n].Inner.Jacobian), ToDoubles(pieces[n].OuterHessian));
            }
            return (FromScaled(sum, $"the {kind} split's GGN"), checkResidual ? CheckedResidual(kind, residual) : residual);
        }
        return (InRange(ggn, $"the {kind} split's GGN"), checkResidual ? CheckedResidual(kind, residual) : residual);
    }

    /// <summary>
    /// The split's residual term in range, the canonical split's summed again with the label's score as M·2^E where
    /// <see cref="ScaledLabelScore"/> carries it (doubles only; see <see cref="Split"/>).
    /// </summary>
    private RealMatrix<T> CheckedResidual(SplitKind kind, RealMatrix<T> residual)
    {
        const string Name = "the Canonical split's residual term";
        if (kind != SplitKind.Canonical || !Enumerable.Range(0, Count).Any(n => ScaledLabelScore(n) is not null || MeanVarianceLabelScoreWhereNeeded(n) is not null))
            return InRange(residual, $"the {kind} split's residual term");
        var sum = new ScaledCurvatureSum(Dimension);
        for (int n = 0; n < Count; n++)
            AddCanonicalResidualTerm(sum, n, Name);
        return FromScaled(sum, Name);
    }

    /// <summary>
    /// Adds sample n's canonical GGN term −J_nᵀ∇²_f log p(y_n|f_n)J_n (eq. 7.14) to a scaled sum (doubles only): through
    /// ∇²_f log p carried as M·2^E where <see cref="HessianCarriedWhereNeeded"/> gives it (<paramref name="carried"/>), with
    /// ∇²_f log p as M·2^E where <see cref="ScaledTerms"/> carries it, else from the doubles; rejected naming the range
    /// where a factor is not finite.
    /// </summary>
    private void AddCanonicalGgnTerm(ScaledCurvatureSum sum, int n, Likelihoods.ScaledMatrix? carried, string what)
    {
        var j = ToDoubles(Model(n).Jacobian);
        RequireFiniteFactors(what, j.Enumerate());
        if (carried is { } a)
            sum.AddCongruenceScaled(-1, 0, j, a);
        else if (ScaledTerms(n) is { } terms)
            sum.AddCongruenceScaled(-1, 0, j, Likelihoods.ScaledMatrix.Of(terms.Hessian));
        else
        {
            var h = ToDoubles(AtLabel(n).Hessian);
            RequireFiniteFactors(what, h.Enumerate());
            sum.AddCongruence(-1, j, h);
        }
    }

    /// <summary>
    /// Adds sample n's canonical residual term −Σ_m g_m∇²f_n^(m) (eq. 7.9, g = ∇_f log p(y_n|f_n) as
    /// <see cref="LabelScoreForScaledSum"/> gives it) to a scaled sum (doubles only); rejected naming the range where a
    /// factor is not finite.
    /// </summary>
    private void AddCanonicalResidualTerm(ScaledCurvatureSum sum, int n, string what)
    {
        var hessians = Model(n).Hessians.Select(ToDoubles).ToArray();
        RequireFiniteFactors(what, hessians.Select(m => m.Enumerate()).ToArray());
        sum.AddCurvatureScaled(-1, 0, LabelScoreForScaledSum(n, what), hessians);
    }

    /// <summary>
    /// The score at sample n's label for a scaled sum: <see cref="ScaledLabelScore"/> where it carries it, else the double
    /// score with exponents 0; rejected as <see cref="InRange"/> does where an entry is not finite.
    /// </summary>
    private Likelihoods.ScaledVector LabelScoreForScaledSum(int n, string what)
    {
        var g = ScaledLabelScore(n) ?? MeanVarianceLabelScoreWhereNeeded(n) ?? Likelihoods.ScaledVector.Of(AtLabel(n).Gradient.Select(T.Estimate).ToArray());
        RequireFiniteFactors(what, g.Mantissas);
        return g;
    }

    /// <summary>
    /// In doubles, the Gaussian mean–variance score at sample n's label as M·2^E where an entry falls below 2^-1022
    /// (<see cref="Likelihoods.LikelihoodBase.GradientScaledWhereNeeded"/>: a = (y − μ)/v within 2u, ∇_v within 7u of
    /// (a² + 1/v)/2): the double a had rounded to 0 before J scaled it back up (linear model, θ = (0, 0, 1, 0), x = 1e300,
    /// y = −3e-40: F̃[0, 2] = x²·a·∇_v ≈ −r/2 = 1.5e-40 and the empirical-Fisher split's residual entry 1.5r came out 0 and r).
    /// Null elsewhere, for other likelihoods and arithmetics, outside the domain and beyond the range.
    /// </summary>
    private Likelihoods.ScaledVector? MeanVarianceLabelScoreWhereNeeded(int n)
    {
        if (typeof(T) != typeof(Float64) || Shape.Likelihood != LikelihoodFamily.GaussianMeanVariance)
            return null;
        var f = Model(n).Value;
        double y = T.Estimate(Labels[n][0]), mean = T.Estimate(f[0]), variance = T.Estimate(f[1]);
        if (!double.IsFinite(y) || !double.IsFinite(mean) || !(variance > 0) || !double.IsFinite(variance))
            return null; // outside the domain: rejected naming it
        return GaussianMeanVarianceLikelihood.GradientScaledWhereNeeded(y, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([mean, variance]));
    }

    /// <summary>
    /// The score at sample n's label, ∇_f log p(y_n|f_n), as M·2^E where <see cref="ScaledTerms"/> carries the rule's node
    /// scores so and the label's score is one of them: the logit's at y (node y: σ(−f) at y = 1, −σ(f) at y = 0), the
    /// softmax's at class y (node y: e_y − π), the Poisson's at y = 0 (node 0: −λ; at a count y ≥ 1 the double y − λ is
    /// within 1u, as y ≥ 1 dominates). Null elsewhere.
    /// </summary>
    private Likelihoods.ScaledVector? ScaledLabelScore(int n)
    {
        if (ScaledTerms(n) is not { } terms)
            return null;
        var label = Labels[n].Select(T.Estimate).ToArray();
        int node = Shape.Likelihood switch
        {
            LikelihoodFamily.BernoulliLogit => (int)label[0],
            LikelihoodFamily.CategoricalSoftmax => Array.IndexOf(label, 1.0),
            LikelihoodFamily.PoissonLog when label[0] == 0 => 0,
            _ => -1,
        };
        return node < 0 ? null : terms.Nodes[node].Gradient;
    }

    private (SecondOrderExpansion<T> Inner, T[] OuterGradient, RealMatrix<T> OuterHessian) SplitPieces(SplitKind kind, int n)
    {
        switch (kind)
        {
            case SplitKind.Canonical:
            {
                // a_n(b) = −log p(y_n|b): its derivatives are the negated likelihood derivatives at b = f(x_n, θ).
                var (g, h) = AtLabel(n);
                return (Model(n), g.Select(v => -v).ToArray(), -h);
            }
            case SplitKind.Identity:
            {
                // b_n(θ) = θ: its Jacobian is I and its component Hessians vanish; a_n = ℓ_n, differentiated as a whole.
                var identity = RealMatrix<T>.Identity(Dimension);
                var zero = Zero(Dimension);
                var inner = new SecondOrderExpansion<T>(Theta.ToArray(), identity, Enumerable.Repeat(zero, Dimension).ToArray());
                var (_, gradient, hessian) = Jet(t => SampleLoss(n, t));
                return (inner, gradient, hessian);
            }
            default:
            {
                // b_n(θ) = p(y_n|f(x_n, θ)) divided by its value at the evaluation point θ₀ (a positive constant factor, like the
                // omitted base measure): a(b) = −log b then changes R by a constant only, and neither the GGN J_bᵀ(1/b²)J_b nor the
                // residual term −(1/b)∇²b changes, while b = 1 at θ₀ where the probability itself may underflow.
                // a(b) = −log b with a'(b) = −1/b, a''(b) = 1/b².
                var (b, gradient, hessian) = Jet(t =>
                {
                    var loss = SampleLoss(n, t);
                    return HessianJet<T>.Exp(HessianJet<T>.Constant(loss.Value) - loss);
                });
                var inner = new SecondOrderExpansion<T>([b], RealMatrix<T>.Create(1, Dimension, (_, j) => gradient[j]), [hessian]);
                var inv = 1 / b;
                return (inner, [-inv], RealMatrix<T>.Create(1, 1, (_, _) => inv * inv));
            }
        }
    }

    /// <summary>ℓ_n(θ) = −log p(y_n|f(x_n, θ)) in an arithmetic U built on T (for forward mode on the composed objective).</summary>
    private U SampleLoss<U>(int n, U[] theta) where U : IReal<U>
    {
        var y = Labels[n].Select(Lift<U>).ToArray();
        var x = Inputs[n].Select(Lift<U>).ToArray();
        return -CurvatureFormulas.LogDensity(Shape, y, CurvatureFormulas.Output(Shape, Lift<U>(Kappa), x, theta));
    }

    /// <summary>A value of T as a constant of the differentiating arithmetic U (a hyper-dual number or a jet over T).</summary>
    private static U Lift<U>(T v) where U : IReal<U>
    {
        if (typeof(U) == typeof(HyperDualReal<T>))
            return (U)(object)HyperDualReal<T>.Constant(v);
        if (typeof(U) == typeof(HessianJet<T>))
            return (U)(object)HessianJet<T>.Constant(v);
        throw new ArgumentException($"cannot lift {typeof(T).Name} into {typeof(U).Name}.", nameof(v));
    }

    /// <summary>∇²R(θ) by forward mode (one jet evaluation) on the composed R (no split, no chain rule written by hand).</summary>
    /// <exception cref="ArgumentException">In doubles, an entry beyond ±double.MaxValue (or a factor's overflow made it ±∞ or NaN),
    /// or an entry of ∇R(θ) beyond it (a <see cref="DoubleRangeException"/> naming θ: the Hessian beside it may have lost a
    /// term, <see cref="HessianJet{T}.Evaluate(Func{HessianJet{T}[], HessianJet{T}}, IReadOnlyList{T})"/>), or an intermediate of
    /// the written log density beyond it (<see cref="CurvatureFormulas.LogDensity{U}"/>: the Gaussian mean–variance's 2v where
    /// v &gt; double.MaxValue/2, though ∇²R itself is in range), also naming θ.</exception>
    public RealMatrix<T> RiskHessian()
    {
        RequireFiniteOutputs();
        return InRange(Jet(t =>
        {
            var r = SampleLoss(0, t);
            for (int n = 1; n < Count; n++)
                r += SampleLoss(n, t);
            return r;
        }).Hessian, "∇²R(θ)");
    }

    /// <summary>
    /// <see cref="HessianJet{T}.Evaluate(Func{HessianJet{T}[], HessianJet{T}}, IReadOnlyList{T})"/> at θ, its rejection of a
    /// Hessian beside an overflowed gradient entry naming θ (the constructor's parameter).
    /// </summary>
    private (T Value, T[] Gradient, RealMatrix<T> Hessian) Jet(Func<HessianJet<T>[], HessianJet<T>> g) =>
        NamingTheta(() => HessianJet<T>.Evaluate(g, Theta, "theta"));

    /// <summary>
    /// Runs a forward-mode evaluation and re-throws the arithmetic's rejection of an undetermined operation (an ∞ halved or
    /// subtracted from, ∞·0: its parameters "a" and "b") as a <see cref="DoubleRangeException"/> naming θ: a loss ℓ_n beyond
    /// ±double.MaxValue while f_n is finite (curved-linear Gaussian, g = y − f ≈ 4e167: ℓ = g²/2 ≈ 8e334) came out as
    /// Float64's "the quotient of −Infinity by 2 … (Parameter 'b')". So is a jet's own DoubleRangeException naming its
    /// argument: the empirical-Fisher split's e^{ℓ(θ₀) − ℓ} rejected an underflowed Hessian part as "(Parameter 'x')"
    /// (tanh MLP, θ₃ ≈ 8e-302, θ₅ ≈ −5.7e-309).
    /// </summary>
    private TResult NamingTheta<TResult>(Func<TResult> evaluation)
    {
        try
        {
            return evaluation();
        }
        catch (ArgumentException e) when (e.ParamName is "a" or "b" || e is DoubleRangeException && e.ParamName != "theta")
        {
            throw new DoubleRangeException(
                $"a forward-mode value of {Shape.LikelihoodName} (a loss ℓ_n or a derivative part) is beyond ±double.MaxValue, or an underflowed part of it is scaled back up, at θ = [{string.Join(", ", Theta.Select(t => Require.Show(T.Estimate(t))))}]: {e.Message}",
                "theta");
        }
    }

    /// <summary>s_n = ∇_θ log p(y_n|f(x_n, θ)) by forward mode on the composition.</summary>
    /// <exception cref="ArgumentException">In doubles, an f(x_m, θ) beyond ±double.MaxValue (<see cref="RequireFiniteOutputs"/>), or
    /// an intermediate of the written log density beyond it (<see cref="CurvatureFormulas.LogDensity{U}"/>: the Gaussian
    /// mean–variance's 2v where v &gt; double.MaxValue/2, though s itself is in range), a <see cref="DoubleRangeException"/> naming θ.</exception>
    public T[] Score(int n)
    {
        RequireFiniteOutputs();
        return NamingTheta(() => ForwardModeFormulas.Gradient(t => -SampleLoss(n, t), Theta));
    }

    /// <summary>
    /// Throws a <see cref="DoubleRangeException"/> naming θ where an output f(x_n, θ) is beyond ±double.MaxValue (its
    /// double ±∞): the forward-mode members evaluate log p there, and the jets' ∞·0 was rejected with Float64's message
    /// about a parameter "b" (curved-linear, x₀ = 4.3e238, θ₀ = 2.7e185: f ≈ 1.2e424; ∇²R and F̃). Never throws for the
    /// rigorous arithmetics, whose values are finite.
    /// </summary>
    private void RequireFiniteOutputs()
    {
        if (typeof(T) != typeof(Float64) || _outputsFinite)
            return; // the closed-form model derivatives are not computed for arithmetics that cannot overflow
        for (int n = 0; n < Count; n++)
            if (!Model(n).Value.All(T.IsFinite))
                throw new DoubleRangeException(
                    $"f(x_{n}, θ) of {Shape.ModelName} is beyond ±double.MaxValue at θ = [{string.Join(", ", Theta.Select(t => Require.Show(T.Estimate(t))))}], the range of a double output.",
                    "theta");
        _outputsFinite = true;
    }

    /// <summary>
    /// True once <see cref="RequireFiniteOutputs"/> has passed: the outputs are fixed with θ, so the check runs once, not once
    /// per <see cref="Score"/> call (N² output checks over <see cref="EmpiricalFisher"/>). A failed check is not recorded, so
    /// every later call rejects again, as before.
    /// </summary>
    private bool _outputsFinite;

    /// <summary>F̃(θ) = Σ_n s_n s_nᵀ (eq. 7.3/7.7).</summary>
    /// <remarks>
    /// In doubles, where an entry of some J_n, of some g_n = ∇_f log p(y_n|f_n) or of some forward-mode score s_n is not 0
    /// or within [2^-100, 2^100] (<see cref="ScaledSum.Ordinary(ReadOnlySpan{double})"/>), each entry is
    /// Σ_{n,i,k} J_n,ia·g_n,i·J_n,kb·g_n,k in one scaled sum of the closed-form pieces
    /// (<see cref="ScaledCurvatureSum.AddRankOneScaled(double, int, MathNet.Numerics.LinearAlgebra.Matrix{double}, Likelihoods.ScaledVector)"/>,
    /// s_n never formed; g_n as M·2^E where <see cref="ScaledLabelScore"/> or, for the Gaussian mean–variance, <see cref="MeanVarianceLabelScoreWhereNeeded"/> carries it): the forward-mode s_n carried the
    /// jets' subnormal parts, and s_a·s_b scaled that grid's error up into a normal entry (curved-linear Gaussian, κ = 1.88,
    /// x = (1e77, −1.2e-308), θ = (0, 3.6e-309), y = 4e-12: s₁ = g·J₁ ≈ −2.1e-320 and F̃[0, 1] ≈ −8.4e-255 was 3.0e-5
    /// relative off). Each entry is then within (3 + N·M²)·u·Σ|terms| (u = 2^-53, first order: four factors, three roundings
    /// in each term's mantissa product, then N·M² − 1 additions; <see cref="ScaledSum"/>) plus 2^-1074 where it is subnormal, plus
    /// the pieces' own errors, each piece entering a term twice (J_n's as <see cref="Model"/> states, g_n's as
    /// <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> and, carried, <see cref="ScaledLabelScore"/> do); a factor
    /// beyond ±double.MaxValue or an entry beyond it is rejected naming the range. Elsewhere the forward-mode form runs, bit
    /// for bit as before; its jets reject an underflowed part scaled back up rather than return it (HessianJet's rule).
    /// </remarks>
    /// <exception cref="ArgumentException">In doubles, an entry beyond ±double.MaxValue (or a factor's overflow made it ±∞ or NaN).</exception>
    public RealMatrix<T> EmpiricalFisher()
    {
        RequireFiniteOutputs();
        if (typeof(T) == typeof(Float64) && !ClosedFormPiecesOrdinary())
            return ScaledEmpiricalFisher();
        var total = Zero(Dimension);
        bool ordinary = true;
        for (int n = 0; n < Count; n++)
        {
            var s = Score(n);
            ordinary &= typeof(T) != typeof(Float64) || ScaledSum.Ordinary(s.Select(T.Estimate));
            total += Outer(s, s);
        }
        return ordinary ? InRange(total, "F̃(θ)") : ScaledEmpiricalFisher();
    }

    /// <summary>
    /// True when every entry of every J_n and g_n = ∇_f log p(y_n|f_n) (doubles) is 0 or within [2^-100, 2^100] and no g_n is
    /// carried as M·2^E (the Gaussian mean–variance's included since stop 40: its a = (y − μ)/v may round to 0, which is
    /// ordinary, while J scales it back up; y = 1e-323, v = 4, x = 2^100: the split's jets rejected F̃[0, 2] = −2^-878).
    /// </summary>
    private bool ClosedFormPiecesOrdinary() => Enumerable.Range(0, Count).All(n =>
        ScaledLabelScore(n) is null
        && MeanVarianceLabelScoreWhereNeeded(n) is null
        && ScaledSum.Ordinary(ToDoubles(Model(n).Jacobian).Enumerate())
        && ScaledSum.Ordinary(AtLabel(n).Gradient.Select(T.Estimate)));

    /// <summary>F̃(θ) = Σ_n J_nᵀg_n g_nᵀJ_n in one scaled sum of the closed-form pieces (doubles only; see <see cref="EmpiricalFisher"/>).</summary>
    private RealMatrix<T> ScaledEmpiricalFisher()
    {
        const string Name = "F̃(θ)";
        var sum = new ScaledCurvatureSum(Dimension);
        for (int n = 0; n < Count; n++)
            AddScoreOuterProduct(sum, n, 1, Name);
        return FromScaled(sum, Name);
    }

    /// <summary>Adds w·J_nᵀg_n g_nᵀJ_n = w·s_n s_nᵀ from the closed-form pieces to a scaled sum (doubles only; g_n as <see cref="LabelScoreForScaledSum"/> gives it).</summary>
    private void AddScoreOuterProduct(ScaledCurvatureSum sum, int n, double weight, string what)
    {
        var j = ToDoubles(Model(n).Jacobian);
        RequireFiniteFactors(what, j.Enumerate());
        sum.AddRankOneScaled(weight, 0, j, LabelScoreForScaledSum(n, what));
    }

    /// <summary>
    /// The empirical-Fisher split's residual term −Σ_n (s_n s_nᵀ + ∇²_θ log p_n) with ∇²_θ log p_n = J_nᵀ∇²_f log p J_n +
    /// Σ_m g_m∇²f_n^(m), in one scaled sum of the closed-form pieces (doubles only; see <see cref="Split"/>).
    /// </summary>
    private RealMatrix<T> ScaledEmpiricalFisherResidual()
    {
        const string Name = "the EmpiricalFisher split's residual term";
        var sum = new ScaledCurvatureSum(Dimension);
        for (int n = 0; n < Count; n++)
        {
            AddScoreOuterProduct(sum, n, -1, Name);
            AddCanonicalGgnTerm(sum, n, HessianCarriedWhereNeeded(Labels[n], Model(n).Value), Name);
            AddCanonicalResidualTerm(sum, n, Name);
        }
        return FromScaled(sum, Name);
    }

    /// <summary>r(θ) = Σ_n ‖∇_f log p(y_n|f(x_n, θ))‖₁ (eq. 7.16).</summary>
    public T Residual()
    {
        T total = T.Of(0);
        for (int n = 0; n < Count; n++)
            foreach (var g in AtLabel(n).Gradient)
                total += T.Abs(g);
        return total;
    }

    /// <summary>
    /// The size of the terms the curvature matrices sum: Σ_n [‖J_n‖²_F·(1 + G_n² + H_n) + G_n·K_n] with G_n the largest
    /// ‖∇_f log p‖₁ and H_n the largest Σ|∇²_f log p| over the expectation nodes and the training label, and K_n =
    /// Σ_m Σ|∇²_θf_n^(m)|. The 1 covers what forward mode forms from probabilities (σ − σ², π_i − π_i²: terms of size ≤ 1
    /// whose difference is exponentially small where the logits saturate). At least 2^-1074.
    /// <para>
    /// Whole double range (issue 15, item 1): where a factor (an entry of J_n, G_n, H_n or K_n) lies outside [2^-100, 2^100]
    /// or the product form is not finite, each sample's term is summed as Σ|J|² + Σ(|J|·G)² + Σ|J|·(|J|·H) + G·K, so that
    /// G² (overflowing from G ≈ 1.3e154) is never formed apart from the |J| that scales it down, nor ‖J‖²_F (underflowing
    /// from |J| ≈ 1e-162) apart from the G that scales it up: at J = 1e-100, G = 1e160 the scale was +∞ (exact 1e120), at
    /// J = 1e-200 NaN (0·∞; exact 1e-80). In doubles the result is then within (Md² + 4dM + N + 3)·u of the exact sum
    /// (u = 2^-53, all terms nonnegative; the Md² counts K_n's entries, d for the curved-linear model's diagonal κI, up to
    /// d² for the MLP, and N − 1 the additions over the samples: 150 equal samples beside a large one came out 33u off,
    /// found in review, stop 35) where that is a normal double, +∞ only where it exceeds MaxValue. Inside the
    /// ordinary range the product form runs unchanged, bit for bit as before.
    /// </para>
    /// <para>
    /// Where a factor itself is beyond the range (G_n or H_n as a double ±∞ or NaN, or f) while J_n is tiny or 0, that form
    /// was +∞ or NaN though the exact scale is finite (Bernoulli probability at q = xθ = 2^-700: H = 1/q² = 2^1400 made the
    /// scale +∞, exact x² + 2/θ² = 2; at q = 2^-1074 also G·K = ∞·0 was NaN; Poisson at f = 710: λ = e^710 made the nodes
    /// NaN): the term is then the exact one in rationals rounded once (<see cref="ExactTermWhereFactorsOverflow"/>), within
    /// 1 ulp for the Gaussian identity and the Bernoulli probability and within 1 ulp plus the relative width of the rigorous
    /// e^f and √ enclosures (<see cref="EnclosureSettings.Bits"/> bits, 128 by default) for the Poisson, +∞ where it exceeds MaxValue
    /// and where an MLP output is itself beyond the range (f = W₂h + b₂ overflowed: then not always the exact scale).
    /// </para>
    /// </summary>
    public T TermScale()
    {
        T total = T.Of(0);
        for (int n = 0; n < Count; n++)
        {
            var e = Model(n);
            T g = T.Of(0), h = T.Of(0);
            foreach (var (grad, hess) in Nodes(n).Select(p => (p.Gradient, p.Hessian)).Append(AtLabel(n)))
            {
                g = T.Max(g, grad.Select(T.Abs).Aggregate((a, b) => a + b));
                h = T.Max(h, EntrywiseL1(hess));
            }
            T jj = T.Of(0);
            bool ordinary = Ordinary(g) && Ordinary(h);
            for (int m = 0; m < e.Jacobian.Rows; m++)
                for (int k = 0; k < e.Jacobian.Columns; k++)
                {
                    jj += T.Abs(e.Jacobian[m, k]) * T.Abs(e.Jacobian[m, k]);
                    ordinary &= Ordinary(e.Jacobian[m, k]);
                }
            T curvature = T.Of(0);
            foreach (var hm in e.Hessians)
                curvature += EntrywiseL1(hm);
            T term = jj * (1 + g * g + h) + g * curvature;
            if (!ordinary || !Ordinary(curvature) || !T.IsFinite(term))
            {
                term = g * curvature;
                for (int m = 0; m < e.Jacobian.Rows; m++)
                    for (int k = 0; k < e.Jacobian.Columns; k++)
                    {
                        T j = T.Abs(e.Jacobian[m, k]), jg = j * g;
                        term += j * j + jg * jg + j * (j * h);
                    }
            }
            if (typeof(T) == typeof(Float64) && !T.IsFinite(term) && ExactTermWhereFactorsOverflow(n) is double exact)
                term = T.Of(exact);
            total += term;
        }
        return T.Max(total, T.Of(double.Epsilon));
    }

    /// <summary>
    /// Sample n's term of <see cref="TermScale"/> in exact rationals, rounded once (doubles only; null where not done): for the
    /// likelihoods whose factors leave the range on finite inputs (Gaussian identity: y − f; Bernoulli probability: 1/q,
    /// 1/q²; Poisson: λ = eᶠ, whose nodes λ + u± are then NaN; Gaussian mean–variance: ∇²_vv ≈ −5/(2v²) at the nodes
    /// μ ± √(3v) is −∞ at v = 2^-599, where the scale is beyond the range), G_n and H_n from the
    /// closed forms of <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/> and <see cref="CurvatureFormulas.Expectation{U}"/>
    /// in <see cref="RationalInterval"/> at f (itself in rationals from the inputs for the linear and curved-linear
    /// models where its double is not finite), J_n and K_n from their doubles. +∞ where a J_n or ∇²_θf_n entry is not finite,
    /// for every likelihood (each is a product rounded once, so its exact value is beyond the range too, and the term with
    /// it: J² ≥ MaxValue², or G·K ≥ K where G ≥ 1, as for the four likelihoods above, whose nodes' scores are ∓1, −1/(1 − q)
    /// and u₊ ≥ 1; the logit's and softmax's G is at least ½ only, so there a K just above MaxValue may leave the exact term
    /// within a factor 2 below it: an overestimate, as the summed form's g·K = ∞ was before), for a Poisson f above 2200 (J_n ≠ 0 since its bias or x entry is
    /// f's only source, and J²·λ ≥ 2^-2148·e^2200 &gt; MaxValue), and for the MLP where f is not finite. Poisson's f below
    /// −4096 is read as −4096 (λ changes by less than e^-4096, far below an ulp of the term ≥ J² ≥ 2^-2148).
    /// </summary>
    private double? ExactTermWhereFactorsOverflow(int n)
    {
        var e = Model(n);
        var jacobian = ToDoubles(e.Jacobian);
        var hessians = e.Hessians.Select(ToDoubles).ToArray();
        // before the likelihood filter: J² ≥ MaxValue² whatever G_n and H_n are (the logit's and softmax's summed form gave
        // NaN = ∞·(∞·0) where H_n = 0, at x = 1e300, θ = (0, 0, 1e300, 800) of the tanh MLP)
        if (!jacobian.Enumerate().Concat(hessians.SelectMany(hm => hm.Enumerate())).All(double.IsFinite))
            return double.PositiveInfinity;
        if (Shape.Likelihood is not (LikelihoodFamily.GaussianIdentity or LikelihoodFamily.BernoulliProbability
            or LikelihoodFamily.PoissonLog or LikelihoodFamily.GaussianMeanVariance))
            return null; // bounded factors (logit, softmax): a genuine overflow of the summed form
        RationalInterval[] f;
        if (e.Value.All(T.IsFinite))
            f = e.Value.Select(v => RationalInterval.Of(T.Estimate(v))).ToArray();
        else if (Shape.Model is ModelFamily.Linear or ModelFamily.CurvedLinear)
            f = CurvatureFormulas.Output(Shape, RationalInterval.Of(T.Estimate(Kappa)),
                Inputs[n].Select(v => RationalInterval.Of(T.Estimate(v))).ToArray(),
                Theta.Select(v => RationalInterval.Of(T.Estimate(v))).ToArray());
        else
            return double.PositiveInfinity;
        if (Shape.Likelihood == LikelihoodFamily.PoissonLog)
        {
            if (f[0].Lower > 2200)
                return double.PositiveInfinity;
            if (f[0].Upper < -4096)
                f = [RationalInterval.Of(-4096)];
        }
        var label = Labels[n].Select(v => RationalInterval.Of(T.Estimate(v))).ToArray();
        Fraction g = 0, h = 0;
        foreach (var y in CurvatureFormulas.ExpectationUnchecked(Shape, f).Select(p => p.Label).Append(label))
        {
            var (grad, hess) = CurvatureFormulas.LogDensityDerivatives(Shape, y, f);
            g = FractionExtensions.Max(g, grad.Aggregate(Fraction.Zero, (s, v) => s + v.Abs().Upper));
            Fraction hessianL1 = 0;
            for (int i = 0; i < hess.Rows; i++)
                for (int k = 0; k < hess.Columns; k++)
                    hessianL1 += hess[i, k].Abs().Upper;
            h = FractionExtensions.Max(h, hessianL1);
        }
        Fraction curvature = hessians.SelectMany(hm => hm.Enumerate()).Aggregate(Fraction.Zero,
            (s, v) => s + Fraction.Abs(ExactDouble.ToFraction(v)));
        Fraction term = g * curvature;
        foreach (var v in jacobian.Enumerate())
        {
            var j2 = ExactDouble.ToFraction(v) * ExactDouble.ToFraction(v);
            term += j2 * (1 + g * g + h);
        }
        return ExactDouble.ToDouble(term);
    }

    /// <summary>2^-100 and 2^100 (see <see cref="TermScale"/>).</summary>
    private static readonly double OrdinaryLow = Math.ScaleB(1, -100), OrdinaryHigh = Math.ScaleB(1, 100);

    /// <summary>True when x is 0 or its estimate has magnitude in [2^-100, 2^100].</summary>
    private static bool Ordinary(T x)
    {
        double a = Math.Abs(T.Estimate(x));
        return a == 0 || (a >= OrdinaryLow && a <= OrdinaryHigh);
    }

    /// <summary>Σ_ij |A_ij|.</summary>
    public static T EntrywiseL1(RealMatrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        T s = T.Of(0);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < a.Columns; j++)
                s += T.Abs(a[i, j]);
        return s;
    }

    /// <summary>The d×d zero matrix.</summary>
    public static RealMatrix<T> Zero(int d) => RealMatrix<T>.Create(d, d, (_, _) => T.Of(0));

    /// <summary>uvᵀ.</summary>
    public static RealMatrix<T> Outer(IReadOnlyList<T> u, IReadOnlyList<T> v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        return RealMatrix<T>.Create(u.Count, v.Count, (i, j) => u[i] * v[j]);
    }
}

/// <summary>Row access for <see cref="RealMatrix{T}"/>.</summary>
public static class RealMatrixRows
{
    /// <summary>Row i as an array.</summary>
    public static T[] Row<T>(this RealMatrix<T> a, int i) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (i < 0 || i >= a.Rows)
            throw new ArgumentException($"i must be in [0, {a.Rows - 1}], got {i}.", nameof(i));
        return Enumerable.Range(0, a.Columns).Select(j => a[i, j]).ToArray();
    }
}
