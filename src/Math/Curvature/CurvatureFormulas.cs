using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using ExactDouble = Verification.Numerics.Exact.ExactDouble;

namespace Verification.Numerics.Curvature;

/// <summary>The likelihoods p(y|f) of balles-thesis ch. 7: the four natural parameterizations and two that are not.</summary>
public enum LikelihoodFamily
{
    /// <summary>N(y; f, 1) (eq. D.8): natural (f is the mean, variance fixed).</summary>
    GaussianIdentity,

    /// <summary>Bernoulli with p(y = 1|f) = σ(f) (eq. D.33): natural (f is the logit).</summary>
    BernoulliLogit,

    /// <summary>Categorical with π = softmax(f) (eq. D.12): natural (f are the logits), labels one-hot.</summary>
    CategoricalSoftmax,

    /// <summary>Poisson with rate e^f: natural (f is the log rate).</summary>
    PoissonLog,

    /// <summary>Bernoulli with p(y = 1|q) = q, f = q ∈ (0, 1): not natural (the control of Prop. 7.1).</summary>
    BernoulliProbability,

    /// <summary>N(y; μ, v) with f = (μ, v), v &gt; 0: not natural (the control of Prop. 7.1).</summary>
    GaussianMeanVariance,
}

/// <summary>The prediction functions f(x, θ) of the chapter-7 checks.</summary>
public enum ModelFamily
{
    /// <summary>f = W·(x, 1), θ = vec(W) row-major, W ∈ ℝ^{M×(D+1)}: linear in θ (eq. D.18).</summary>
    Linear,

    /// <summary>f = xᵀθ + (κ/2)‖θ‖², scalar, d = D: ∇²_θ f = κI, so f is |κ|-smooth exactly (Prop. 7.2).</summary>
    CurvedLinear,

    /// <summary>One hidden tanh layer: h = tanh(W₁(x, 1)), f = W₂(h, 1); θ = (vec W₁, vec W₂) row-major.</summary>
    TanhMlp,
}

/// <summary>The discrete shape of a problem of eq. (7.1): model, likelihood, input length, hidden width, classes.</summary>
public sealed record CurvatureShape
{
    /// <summary>A consistent shape.</summary>
    /// <exception cref="ArgumentException">inputs or hidden below 1, classes below 2, or a curved-linear model with a likelihood that needs more than one output.</exception>
    public CurvatureShape(ModelFamily model, LikelihoodFamily likelihood, int inputs, int hidden = 1, int classes = 3)
    {
        if (inputs < 1)
            throw new ArgumentException($"inputs must be ≥ 1, got {inputs}.", nameof(inputs));
        if (hidden < 1)
            throw new ArgumentException($"hidden must be ≥ 1, got {hidden}.", nameof(hidden));
        if (classes < 2)
            throw new ArgumentException($"classes must be ≥ 2, got {classes}.", nameof(classes));
        Model = model;
        Likelihood = likelihood;
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        if (model == ModelFamily.CurvedLinear && Outputs != 1)
            throw new ArgumentException($"the curved-linear model has one output, {likelihood} needs {Outputs}.", nameof(likelihood));
    }

    /// <summary>The prediction function.</summary>
    public ModelFamily Model { get; }

    /// <summary>The likelihood.</summary>
    public LikelihoodFamily Likelihood { get; }

    /// <summary>D, the input length.</summary>
    public int Inputs { get; }

    /// <summary>H, the hidden width of the MLP (unused otherwise).</summary>
    public int Hidden { get; }

    /// <summary>C, the classes of the categorical likelihood (unused otherwise).</summary>
    public int Classes { get; }

    /// <summary>The length of a label vector: C (one-hot) for the categorical, 1 otherwise.</summary>
    public int LabelLength => Likelihood == LikelihoodFamily.CategoricalSoftmax ? Classes : 1;

    /// <summary>M, the length of f.</summary>
    public int Outputs => Likelihood switch
    {
        LikelihoodFamily.CategoricalSoftmax => Classes,
        LikelihoodFamily.GaussianMeanVariance => 2,
        _ => 1,
    };

    /// <summary>d, the length of θ.</summary>
    public int Parameters => Model switch
    {
        ModelFamily.Linear => Outputs * (Inputs + 1),
        ModelFamily.CurvedLinear => Inputs,
        _ => Hidden * (Inputs + 1) + Outputs * (Hidden + 1),
    };

    /// <summary>A short name, e.g. "tanh-mlp(D=2,H=1,M=3)".</summary>
    public string ModelName => Model switch
    {
        ModelFamily.Linear => $"linear(D={Inputs},M={Outputs})",
        ModelFamily.CurvedLinear => $"curved-linear(D={Inputs})",
        _ => $"tanh-mlp(D={Inputs},H={Hidden},M={Outputs})",
    };

    /// <summary>A short name, e.g. "bernoulli-logit".</summary>
    public string LikelihoodName => Likelihood switch
    {
        LikelihoodFamily.GaussianIdentity => "gaussian-identity",
        LikelihoodFamily.BernoulliLogit => "bernoulli-logit",
        LikelihoodFamily.CategoricalSoftmax => $"categorical-softmax(C={Classes})",
        LikelihoodFamily.PoissonLog => "poisson-log",
        LikelihoodFamily.BernoulliProbability => "bernoulli-probability",
        _ => "gaussian-mean-variance",
    };

    /// <summary>True for the natural parameterizations (the hypothesis of Prop. 7.1).</summary>
    public bool IsNatural => Likelihood is not (LikelihoodFamily.BernoulliProbability or LikelihoodFamily.GaussianMeanVariance);
}

/// <summary>
/// The likelihoods and models of balles-thesis ch. 7 written once over <see cref="IReal{T}"/>, so a statement about
/// them runs in doubles and in exact rational intervals from the same code, and is differentiated by forward mode
/// (<see cref="HyperDualReal{T}"/>): log-densities (up to the base measure log h(y), which does not depend on f and so
/// not on θ), the prediction functions, and expectation rules that integrate every curvature integrand exactly.
/// </summary>
public static class CurvatureFormulas
{
    /// <summary>
    /// f(x, θ) for the shape's model; κ is the curved-linear model's curvature (ignored otherwise). tanh(a) is written
    /// 1 − 2/(e^{2a} + 1): its forward-mode derivatives are sums of products without cancellation where tanh saturates.
    /// In <see cref="Float64"/> f is <see cref="Models.ModelBase.Output(MathNet.Numerics.LinearAlgebra.Vector{double}, MathNet.Numerics.LinearAlgebra.Vector{double})"/>
    /// of the model's class (scaled sums outside [2^-100, 2^100]; the plain sums gave NaN at θ = (1e200, −1e200, 0),
    /// x = (1e200, 1e200) for the linear model and at W₁ = (1e200, −1e200) for the MLP).
    /// </summary>
    /// <exception cref="ArgumentException">x or θ of the wrong length, or (in doubles) an entry of x or θ not finite, or κ not finite for the curved-linear model (the others ignore κ).</exception>
    public static U[] Output<U>(CurvatureShape shape, U kappa, IReadOnlyList<U> x, IReadOnlyList<U> theta) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(theta);
        if (x.Count != shape.Inputs)
            throw new ArgumentException($"x must have length {shape.Inputs}, got {x.Count}.", nameof(x));
        if (theta.Count != shape.Parameters)
            throw new ArgumentException($"theta must have length {shape.Parameters}, got {theta.Count}.", nameof(theta));
        if (typeof(U) == typeof(Float64))
            return ModelInDoubles(shape, ToDouble(kappa)).Output(Vector(x), Vector(theta)).Select(FromDouble<U>).ToArray();
        int dIn = shape.Inputs, m = shape.Outputs;
        switch (shape.Model)
        {
            case ModelFamily.Linear:
            {
                var f = new U[m];
                for (int k = 0; k < m; k++)
                {
                    U s = theta[k * (dIn + 1) + dIn];
                    for (int j = 0; j < dIn; j++)
                        s += theta[k * (dIn + 1) + j] * x[j];
                    f[k] = s;
                }
                return f;
            }
            case ModelFamily.CurvedLinear:
            {
                U lin = x[0] * theta[0], sq = theta[0] * theta[0];
                for (int j = 1; j < dIn; j++)
                {
                    lin += x[j] * theta[j];
                    sq += theta[j] * theta[j];
                }
                return [lin + kappa * sq / 2];
            }
            default:
            {
                int h = shape.Hidden, w1 = h * (dIn + 1);
                var hidden = new U[h];
                for (int k = 0; k < h; k++)
                {
                    U a = theta[k * (dIn + 1) + dIn];
                    for (int j = 0; j < dIn; j++)
                        a += theta[k * (dIn + 1) + j] * x[j];
                    hidden[k] = Tanh(a);
                }
                var f = new U[m];
                for (int k = 0; k < m; k++)
                {
                    U s = theta[w1 + k * (h + 1) + h];
                    for (int j = 0; j < h; j++)
                        s += theta[w1 + k * (h + 1) + j] * hidden[j];
                    f[k] = s;
                }
                return f;
            }
        }
    }

    /// <summary>
    /// f(x, θ), its Jacobian J_θf (M×d) and the Hessians ∇²_θf^(m) in closed form (O(M·d²) per call, no forward-mode passes):
    /// linear: J = I_M ⊗ (x, 1)ᵀ, ∇²f^(m) = 0; curved-linear: J = (x + κθ)ᵀ, ∇²f = κI; tanh MLP with a_k = W₁[k]·(x, 1),
    /// h_k = tanh a_k, s_k = 1 − h_k² = 4e^{2a_k}/(e^{2a_k} + 1)² (no cancellation where tanh saturates):
    /// ∂f_m/∂W₂[m,k] = h̃_k, ∂f_m/∂W₁[k,j] = W₂[m,k]·s_k·x̃_j, ∂²f_m/∂W₂[m,k]∂W₁[k,j] = s_k·x̃_j,
    /// ∂²f_m/∂W₁[k,j]∂W₁[k,j'] = −2W₂[m,k]·h_k·s_k·x̃_j·x̃_j', every other second derivative 0. Tests check these against
    /// forward mode on <see cref="Output{U}"/>. In <see cref="Float64"/> f, J and ∇²f are those of the model's
    /// <see cref="Models"/> class (same parameter order), within the bounds its remarks state over every finite x and θ:
    /// the plain sums written here gave a_k = NaN at W₁ = (1e200, −1e200, 0), x = (1e200, 1e200) (∞ − ∞; exact a = 0,
    /// so h = 0, s = 1, J[0, 0] = W₂·s·x₀ = 1e200), and before that the written e^{2a} overflowed for a &gt; 354.9 (s NaN),
    /// 1 − 2/(e^{2a} + 1) gave h = 0 for |a| &lt; 2^-54, and a partial product W₂·s that underflowed made W₂·s·x̃ 0.
    /// </summary>
    /// <exception cref="ArgumentException">x or θ of the wrong length, or (in doubles) an entry of x or θ not finite, or κ not finite for the curved-linear model (the others ignore κ).</exception>
    public static SecondOrderExpansion<T> ModelDerivatives<T>(CurvatureShape shape, T kappa, IReadOnlyList<T> x, IReadOnlyList<T> theta) where T : IReal<T>
    {
        var f = Output(shape, kappa, x, theta);
        if (typeof(T) == typeof(Float64))
        {
            var model = ModelInDoubles(shape, ToDouble(kappa));
            var (xv, tv) = (Vector(x), Vector(theta));
            var jacobianInDoubles = model.Jacobian(xv, tv);
            return new SecondOrderExpansion<T>(f, RealMatrix<T>.Create(shape.Outputs, shape.Parameters, (i, j) => FromDouble<T>(jacobianInDoubles[i, j])),
                Enumerable.Range(0, shape.Outputs).Select(o =>
                {
                    var hessian = model.OutputHessian(xv, tv, o);
                    return RealMatrix<T>.Create(shape.Parameters, shape.Parameters, (i, j) => FromDouble<T>(hessian[i, j]));
                }).ToArray());
        }
        int dIn = shape.Inputs, m = shape.Outputs, d = shape.Parameters;
        var jacobian = Filled<T>(m, d);
        var hessians = Enumerable.Range(0, m).Select(_ => Filled<T>(d, d)).ToArray();
        switch (shape.Model)
        {
            case ModelFamily.Linear:
                for (int k = 0; k < m; k++)
                {
                    for (int j = 0; j < dIn; j++)
                        jacobian[k, k * (dIn + 1) + j] = x[j];
                    jacobian[k, k * (dIn + 1) + dIn] = T.Of(1);
                }
                break;
            case ModelFamily.CurvedLinear:
                for (int j = 0; j < dIn; j++)
                {
                    jacobian[0, j] = x[j] + kappa * theta[j];
                    hessians[0][j, j] = kappa;
                }
                break;
            default:
            {
                int h = shape.Hidden, w1 = h * (dIn + 1);
                T XTilde(int j) => j < dIn ? x[j] : T.Of(1);
                for (int k = 0; k < h; k++)
                {
                    T a = theta[k * (dIn + 1) + dIn];
                    for (int j = 0; j < dIn; j++)
                        a += theta[k * (dIn + 1) + j] * x[j];
                    var e = T.Exp(2 * a);
                    T hk = 1 - 2 / (e + 1), sk = 4 * e / ((e + 1) * (e + 1));
                    for (int o = 0; o < m; o++)
                    {
                        int w2 = w1 + o * (h + 1) + k;
                        var weight = theta[w2];
                        jacobian[o, w2] = hk;
                        for (int j = 0; j <= dIn; j++)
                        {
                            int wj = k * (dIn + 1) + j;
                            jacobian[o, wj] = ProductOf(weight, sk, XTilde(j));
                            hessians[o][w2, wj] = hessians[o][wj, w2] = sk * XTilde(j);
                            for (int j2 = 0; j2 <= dIn; j2++)
                                hessians[o][wj, k * (dIn + 1) + j2] = ProductOf(T.Of(-2), weight, hk, sk, XTilde(j), XTilde(j2));
                        }
                    }
                }
                for (int o = 0; o < m; o++)
                    jacobian[o, w1 + o * (h + 1) + h] = T.Of(1);
                break;
            }
        }
        return new SecondOrderExpansion<T>(f, new RealMatrix<T>(jacobian), hessians.Select(a => new RealMatrix<T>(a)).ToArray());
    }

    /// <summary>The product of the factors left to right (the generic arithmetics; doubles take <see cref="Models.TanhMlp"/>'s one final scaling).</summary>
    private static T ProductOf<T>(params T[] factors) where T : IReal<T> => factors.Aggregate((a, b) => a * b);

    /// <summary>
    /// The shape's model as its <see cref="Models"/> class (<see cref="Models.LinearModel"/> with a bias,
    /// <see cref="Models.CurvedLinearModel"/>, <see cref="Models.TanhMlp"/>; the same parameter order), for
    /// <see cref="Float64"/>: their sums are scaled outside [2^-100, 2^100] (and the MLP's sech² carried as m·2^e), within the
    /// bounds their remarks state over every finite x and θ (ModelRangeProperties). The plain sums written here gave the
    /// MLP's a_k = NaN at W₁ = (1e200, −1e200), x = (1e200, 1e200) (∞ − ∞; exact a = 0, h = 0, s = 1), and a linear f = NaN
    /// at θ = (1e200, −1e200, 0), x = (1e200, 1e200) (exact 0).
    /// </summary>
    private static Models.ModelBase ModelInDoubles(CurvatureShape shape, double kappa) => shape.Model switch
    {
        ModelFamily.Linear => new Models.LinearModel(shape.Inputs, shape.Outputs),
        ModelFamily.CurvedLinear => new Models.CurvedLinearModel(shape.Inputs, kappa),
        _ => new Models.TanhMlp(shape.Inputs, shape.Hidden, shape.Outputs),
    };

    /// <summary>The doubles inside a list of <see cref="Float64"/> seen as U (checked by the caller).</summary>
    private static MathNet.Numerics.LinearAlgebra.Vector<double> Vector<U>(IReadOnlyList<U> v) =>
        MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(v.Count, i => ToDouble(v[i]));

    private static T[,] Filled<T>(int rows, int columns) where T : IReal<T>
    {
        var a = new T[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                a[i, j] = T.Of(0);
        return a;
    }

    /// <summary>
    /// tanh a = 1 − 2/(e^{2a} + 1). In <see cref="Float64"/> that form cancels (0 for |a| below 2^-54, where tanh a = a,
    /// and a relative error ≈ u/|a| above): there it is the platform tanh, within 2 ulp over every finite a. Other
    /// arithmetics (rigorous enclosures, forward mode) use the same identity with the exponent ≤ 0 on either side of 0,
    /// 1 − 2t/(1 + t) with t = e^{−2a} for a ≥ 0 and its mirror for a &lt; 0, so nothing overflows: in forward mode e^{2a}
    /// overflowed for a &gt; 354.9, and the quotient by it dropped every derivative part (tanh' = 0 at a = 355, exact ≈ 1.7e-308).
    /// </summary>
    public static U Tanh<U>(U a) where U : IReal<U>
    {
        if (typeof(U) == typeof(Float64))
            return FromDouble<U>(Math.Tanh(ToDouble(a)));
        // jets over doubles: the platform tanh with HyperDual's derivatives (the written form below cancels near 0:
        // tanh 2^-66 came out 0, so every MLP forward-mode member was wrong below a pre-activation of about 1e-16)
        if (typeof(U) == typeof(HessianJet<Float64>))
            return (U)(object)HessianJet<Float64>.Tanh((HessianJet<Float64>)(object)a!);
        if (typeof(U) == typeof(HyperDualReal<Float64>))
            return (U)(object)HyperDualReal<Float64>.Tanh((HyperDualReal<Float64>)(object)a!);
        if (a >= 0)
        {
            var t = U.Exp(-2 * a);
            return 1 - 2 * t / (1 + t);
        }
        var s = U.Exp(2 * a);
        return 2 * s / (1 + s) - 1;
    }

    /// <summary>The double inside a <see cref="Float64"/> seen as U (U is Float64: checked by the caller).</summary>
    private static double ToDouble<U>(U x) => ((Float64)(object)x!).Value;

    /// <summary>A double as a U that is <see cref="Float64"/> (checked by the caller).</summary>
    private static U FromDouble<U>(double x) => (U)(object)new Float64(x);

    /// <summary>σ(f) = 1/(1 + e^{−f}), with the exponent ≤ 0 on either side of 0 so nothing overflows.</summary>
    public static U Sigmoid<U>(U f) where U : IReal<U>
    {
        if (f >= 0)
            return 1 / (1 + U.Exp(-f));
        var e = U.Exp(f);
        return e / (1 + e);
    }

    /// <summary>
    /// log(1 + eᶠ) = max(f, 0) + log(1 + e^{−|f|}) (its second derivative is then σ(−|f|)-sized, without cancellation). In
    /// <see cref="Float64"/> the logarithm is log1p (<see cref="Likelihoods.BernoulliLogit.Softplus"/>, within 10 ulp):
    /// log(1 + e^{−|f|}) rounded 1 + e^{−|f|} to 1 and gave 0 for f below about −37, where the value is eᶠ.
    /// </summary>
    public static U Softplus<U>(U f) where U : IReal<U>
    {
        if (typeof(U) == typeof(Float64))
            return FromDouble<U>(Likelihoods.BernoulliLogit.Softplus(ToDouble(f)));
        return f >= 0 ? f + U.Log(1 + U.Exp(-f)) : U.Log(1 + U.Exp(f));
    }

    /// <summary>
    /// log Σ_c e^{f_c}, shifted by the largest f_c. In <see cref="Float64"/> as m + log1p(Σ_{c≠k} e^{f_c − m}) with k the
    /// first largest entry (log Σ rounded 1 + e^{−50} to 1 and gave 0 for f = (0, −50), where the value is 1.9e-22): within
    /// (C + 12)·u·(|m| + |log Σ_c e^{f_c − m}|) + 2^-1074 of the exact value (relative where m ≥ 0: no cancellation), never
    /// ±∞ or NaN on finite f (every f_c − m ≤ 0; a difference beyond the range is −∞, and its exponential 0, correctly).
    /// </summary>
    public static U LogSumExp<U>(IReadOnlyList<U> f) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Count == 0)
            throw new ArgumentException("f must not be empty.", nameof(f));
        var (m, logSum) = ShiftedLogSumExp(f);
        return m + logSum;
    }

    /// <summary>
    /// m = max_c f_c and log Σ_c e^{f_c − m}, the two terms of <see cref="LogSumExp{U}"/> (in <see cref="Float64"/> m is the
    /// first largest entry f_k and the logarithm log1p(Σ_{c≠k} e^{f_c − m}); other arithmetics the max as a U, so its
    /// derivative parts are f_k's).
    /// </summary>
    private static (U Shift, U LogSum) ShiftedLogSumExp<U>(IReadOnlyList<U> f) where U : IReal<U>
    {
        if (typeof(U) == typeof(Float64))
        {
            var v = f.Select(ToDouble).ToArray();
            int k = Array.IndexOf(v, v.Max());
            double rest = 0;
            for (int c = 0; c < v.Length; c++)
                if (c != k)
                    rest += Math.Exp(v[c] - v[k]);
            return (FromDouble<U>(v[k]), FromDouble<U>(LogOnePlus.Of(rest)));
        }
        var m = f.Aggregate(U.Max);
        U s = U.Exp(f[0] - m);
        for (int c = 1; c < f.Count; c++)
            s += U.Exp(f[c] - m);
        return (m, U.Log(s));
    }

    /// <summary>π = softmax(f) (eq. D.12), shifted by the largest f_c.</summary>
    public static U[] Softmax<U>(IReadOnlyList<U> f) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Count == 0)
            throw new ArgumentException("f must not be empty.", nameof(f));
        var m = f.Aggregate(U.Max);
        var e = f.Select(v => U.Exp(v - m)).ToArray();
        var s = e.Aggregate((a, b) => a + b);
        return e.Select(v => v / s).ToArray();
    }

    /// <summary>
    /// True when f is in the likelihood's parameter domain: q ∈ (0, 1) for the Bernoulli probability, v &gt; 0 for the
    /// Gaussian variance, everything otherwise. Decided exactly in rigorous arithmetic (or undecided).
    /// </summary>
    public static bool InDomain<U>(LikelihoodFamily likelihood, IReadOnlyList<U> f) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(f);
        return likelihood switch
        {
            LikelihoodFamily.BernoulliProbability => f[0] > 0 && f[0] < 1,
            LikelihoodFamily.GaussianMeanVariance => f[1] > 0,
            _ => true,
        };
    }

    /// <summary>Throws unless y has the label length and f the output length and lies in the likelihood's domain.</summary>
    private static void CheckLabelAndOutput<U>(CurvatureShape shape, IReadOnlyList<U> y, IReadOnlyList<U> f) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != shape.LabelLength)
            throw new ArgumentException($"y must have length {shape.LabelLength} for {shape.LikelihoodName}, got {y.Count}.", nameof(y));
        CheckLength(shape, f, nameof(f));
        if (!InDomain(shape.Likelihood, f))
            throw new ArgumentException($"f is outside the domain of {shape.LikelihoodName}: {DomainCondition(shape.Likelihood)}.", nameof(f));
    }

    /// <summary>
    /// log p(y|f) up to the base measure log h(y) (which depends on neither f nor θ): the label y is a vector of length
    /// <see cref="CurvatureShape.LabelLength"/> (one-hot for the categorical, [y] otherwise).
    /// GaussianIdentity −(y − f)²/2; BernoulliLogit y·f − log(1 + eᶠ); CategoricalSoftmax yᵀf − log Σ e^{f_c};
    /// PoissonLog y·f − eᶠ; BernoulliProbability y·log q + (1 − y)·log(1 − q) (a term whose label weight y or 1 − y is 0 is
    /// left out, with its derivatives); GaussianMeanVariance −(y − μ)²/(2v) − ½log v. In the arithmetics that round (doubles and
    /// forward mode over them) the logit's and the softmax's are written without their cancellation
    /// (<see cref="LogitLogDensity{U}"/>, <see cref="SoftmaxLogDensity{U}"/>, the latter for labels summing to 1
    /// whose classes' f_c − max f are within the range: <see cref="LabelledShiftsInRange{U}"/>), and the Poisson's near
    /// f = ln y as −y·φ(f − ln y) + y(ln y − 1) (<see cref="PoissonLogDensity{U}"/>); the rigorous
    /// arithmetics keep the forms above, whose enclosures hold the exact value either way. Over <see cref="HyperDualReal{T}"/> of
    /// doubles the ε₁ and ε₁ε₂ parts are <see cref="LogDensityDerivatives{T}"/> within the bounds
    /// LogDensityForwardModeRangeProperties derives, or an <see cref="ArgumentException"/> naming the range where an
    /// intermediate of the written form is beyond ±double.MaxValue: r² (Gaussian identity), eᶠ and y·f (Poisson), f_c − max f
    /// (softmax), 1/q² at y = 1 (Bernoulli probability), r², 2v or a part of r²/(2v) or of log v (Gaussian mean–variance, whose
    /// forward mode also rejects where an underflowed r² meets 1/(2v²) or 2/(2v)³ large enough to lift its error past
    /// 2^-1070: HyperDual's underflow rule).
    /// </summary>
    /// <exception cref="ArgumentException">f or y of the wrong length, or f outside the domain (<see cref="InDomain{U}"/>).</exception>
    public static U LogDensity<U>(CurvatureShape shape, IReadOnlyList<U> y, IReadOnlyList<U> f) where U : IReal<U>
    {
        CheckLabelAndOutput(shape, y, f);
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.GaussianIdentity:
            {
                var r = y[0] - f[0];
                return -(r * r) / 2;
            }
            case LikelihoodFamily.BernoulliLogit:
                return U.IsRigorous ? y[0] * f[0] - Softplus(f[0]) : LogitLogDensity(y[0], f[0]);
            case LikelihoodFamily.CategoricalSoftmax:
            {
                if (!U.IsRigorous && U.Sign(y.Aggregate((a, b) => a + b) - 1) == 0 && LabelledShiftsInRange(y, f))
                    return SoftmaxLogDensity(y, f);
                U s = y[0] * f[0];
                for (int c = 1; c < f.Count; c++)
                    s += y[c] * f[c];
                return s - LogSumExp(f);
            }
            case LikelihoodFamily.PoissonLog:
                return U.IsRigorous ? y[0] * f[0] - U.Exp(f[0]) : PoissonLogDensity(y[0], f[0]);
            case LikelihoodFamily.BernoulliProbability:
            {
                // a term whose label weight is 0 is 0 with all its derivatives: 0·log q in forward mode over doubles was
                // rejected as ∞·0 at y = 0 below q ≈ 7.5e-155, where log's ε₁ε₂ part −1/q² overflows (exact ∇²_q = −1/(1 − q)²)
                var ones = U.Sign(y[0]) == 0 ? U.Of(0) : y[0] * U.Log(f[0]);
                var zeros = U.Sign(1 - y[0]) == 0 ? U.Of(0) : (1 - y[0]) * U.Log(1 - f[0]);
                return ones + zeros;
            }
            default:
            {
                var r = y[0] - f[0];
                return -(r * r) / (2 * f[1]) - U.Log(f[1]) / 2;
            }
        }
    }

    /// <summary>2^-511: below it q·q is below 2^-1022, so the Bernoulli probability's y/q² is formed as y·(1/q)·(1/q).</summary>
    private static readonly double SquareUnderflows = Math.ScaleB(1.0, -511);

    /// <summary>
    /// The Bernoulli logit's log p = y·f − softplus(f) as −(y·softplus(−f) + (1 − y)·softplus(f)) (softplus(f) − f =
    /// softplus(−f)), a term whose label weight is 0 left out, for the arithmetics that round: the written difference
    /// cancelled once σ(f) rounds to 1, in the value and in forward mode's parts (curved-linear, κ = 0, x = 1, θ = 40,
    /// y = 1: the score σ(−40)·x ≈ 4.2e-18 and F̃ came out 0; with κ = 1, x = (40, 0), θ = (1, 0) ∇²R[1, 1] = −σ(−40.5)κ
    /// ≈ −2.6e-18 came out −0 and ∇²R[0, 0] ≈ 4.33e-15 was 2.6 % off, the small term having been added to f'' = κ and
    /// subtracted again). For labels 0 and 1 one softplus is left, whose parts do not cancel.
    /// </summary>
    private static U LogitLogDensity<U>(U y, U f) where U : IReal<U>
    {
        var ones = U.Sign(y) == 0 ? U.Of(0) : y * Softplus(-f);
        var zeros = U.Sign(1 - y) == 0 ? U.Of(0) : (1 - y) * Softplus(f);
        return -(ones + zeros);
    }

    /// <summary>
    /// The Poisson's y·f − eᶠ for the arithmetics that round: where y ≥ 1 and f is within ln 2 of ln y
    /// (<see cref="Likelihoods.PoissonNearLabel.Applies"/>) and U is <see cref="Float64"/> or a jet over it, as
    /// −y·φ(s) + y(ln y − 1) with s = f − ln y (its value <see cref="Likelihoods.PoissonNearLabel.LogRatio"/>, its parts f's)
    /// and φ(s) = eˢ − 1 − s (<see cref="ExpRemainder{U}"/>: φ' = expm1(s), φ'' = eˢ): the written form's parts cancelled
    /// there, y·f' − eᶠf' and y·f'' − eᶠ(f'' + f'²) (curved-linear, κ = 1, x = 0, θ = 7.879789298255324e-30, y = 1,
    /// f = 3.1e-59: ∇²R = λJ² + (λ − 1)κ ≈ 9.31e-59 came out −0). Elsewhere as written, bit for bit.
    /// </summary>
    private static U PoissonLogDensity<U>(U y, U f) where U : IReal<U>
    {
        double count = U.Estimate(y), at = U.Estimate(f);
        bool jetOverDoubles = typeof(U) == typeof(Float64) || typeof(U) == typeof(HessianJet<Float64>) || typeof(U) == typeof(HyperDualReal<Float64>);
        if (!jetOverDoubles || !Likelihoods.PoissonNearLabel.Applies(count, at))
            return y * f - U.Exp(f);
        var s = f - U.Of(at) + U.Of(Likelihoods.PoissonNearLabel.LogRatio(count, at)); // value s exactly (f − f is 0), parts f's
        return U.Of(count * (Math.Log(count) - 1)) - y * ExpRemainder(s);
    }

    /// <summary>φ(s) = eˢ − 1 − s: over doubles and the jets over them without cancellation for |s| ≤ 0.7 (<see cref="HessianJet{T}.ExpRemainder"/>); else as written.</summary>
    private static U ExpRemainder<U>(U s) where U : IReal<U>
    {
        if (typeof(U) == typeof(Float64))
            return FromDouble<U>(Likelihoods.PoissonNearLabel.ExpRemainder(ToDouble(s)));
        if (typeof(U) == typeof(HessianJet<Float64>))
            return (U)(object)HessianJet<Float64>.ExpRemainder((HessianJet<Float64>)(object)s!);
        if (typeof(U) == typeof(HyperDualReal<Float64>))
            return (U)(object)HyperDualReal<Float64>.ExpRemainder((HyperDualReal<Float64>)(object)s!);
        return U.Exp(s) - 1 - s;
    }

    /// <summary>
    /// The softmax's log p = yᵀf − log Σ_c e^{f_c} for labels summing to 1, as Σ_c y_c·(f_c − m) − log Σ_c e^{f_c − m}
    /// (m = max f, <see cref="ShiftedLogSumExp{U}"/>; a class whose label is 0 left out), for the arithmetics that round:
    /// the written difference cancelled where the label's class dominates, f_y − (m + log Σ …) with f_y = m (linear,
    /// f = (40, 0, 0), y = e₀: the score's class-0 entries (1 − π₀)x ≈ 8.5e-18 came out 0). For a one-hot label at the
    /// largest logit the first sum is exactly 0 and only the logarithm, which does not cancel, is left.
    /// </summary>
    private static U SoftmaxLogDensity<U>(IReadOnlyList<U> y, IReadOnlyList<U> f) where U : IReal<U>
    {
        var (m, logSum) = ShiftedLogSumExp(f);
        U s = U.Of(0);
        for (int c = 0; c < f.Count; c++)
            if (U.Sign(y[c]) != 0)
                s += y[c] * (f[c] - m);
        return s - logSum;
    }

    /// <summary>
    /// True where every f_c − max f of a class with y_c ≠ 0 is within ±double.MaxValue (in doubles: the value part in forward
    /// mode). Beyond it <see cref="SoftmaxLogDensity{U}"/>'s y_c·(f_c − m) is −∞, or rejected in forward mode, though the
    /// written yᵀf − log Σ e^{f_c} may be in range: soft labels y = (½, ½) at f = (1e308, −1e308) gave −∞ for −1e308.
    /// </summary>
    private static bool LabelledShiftsInRange<U>(IReadOnlyList<U> y, IReadOnlyList<U> f) where U : IReal<U>
    {
        double m = f.Max(U.Estimate);
        for (int c = 0; c < f.Count; c++)
            if (U.Sign(y[c]) != 0 && !double.IsFinite(U.Estimate(f[c]) - m))
                return false;
        return true;
    }

    /// <summary>
    /// ∇_f log p(y|f) and ∇²_f log p(y|f) in closed form (eqs. D.9, D.16, D.33 and their analogues), each formed without
    /// cancellation: GaussianIdentity (y − f, −1); BernoulliLogit (y − σ(f) as y·σ(−f) − (1 − y)·σ(f), −σ(f)σ(−f));
    /// CategoricalSoftmax (y − π with 1 − π_i as Σ_{k≠i}π_k,
    /// −(diag π − ππᵀ) with the diagonal −π_i·Σ_{c≠i}π_c); PoissonLog (y − eᶠ, −eᶠ; in doubles y − eᶠ as −y·expm1(f − ln y)
    /// where y ≥ 1 and |f − ln y| ≤ ln 2, <see cref="Likelihoods.PoissonNearLabel.Score"/>); BernoulliProbability (y/q − (1 − y)/(1 − q),
    /// −y/q² − (1 − y)/(1 − q)²); GaussianMeanVariance with r = y − μ: (r/v, (r²/v − 1)/(2v)) and
    /// [[−1/v, −r/v²], [−r/v², (1/2 − r²/v)/v²]]; in doubles where y, μ or v leaves [2^-100, 2^100] the forms of
    /// <see cref="Likelihoods.GaussianMeanVariance"/> instead (v² and r² overflowed from 1.34e154 on), never NaN: an entry
    /// whose two terms both overflow is its exact value rounded once (was ∞ − ∞). Tests check them
    /// against forward mode on <see cref="LogDensity{U}"/>. Bernoulli probability in doubles: at y = 0 the term y/q² is 0
    /// (its written 0/(q·q) was NaN below q ≈ 1.5e-162, where q·q underflows; the Hessian is −1/(1 − q)²); at y = 1 an entry
    /// beyond the range (1/q² below q ≈ 7.5e-155, 1/q below 1/double.MaxValue) is ±∞ (the curvature matrices reject it naming θ);
    /// below q = 2^-511 y/q² is y·(1/q)·(1/q), within 1.5u (the written 1/(q·q) rounded a subnormal q·q first: up to 6.7u
    /// for q in [7.46e-155, 1.49e-154], where 1/q² is in range), bit for bit y/(q·q) above.
    /// </summary>
    /// <exception cref="ArgumentException">y or f of the wrong length, or f outside the domain; in doubles, a Gaussian
    /// mean–variance entry ∞ − ∞ from an infinite y, μ or v (a <see cref="DoubleRangeException"/> naming the range).</exception>
    public static (T[] Gradient, RealMatrix<T> Hessian) LogDensityDerivatives<T>(CurvatureShape shape, IReadOnlyList<T> y, IReadOnlyList<T> f) where T : IReal<T>
    {
        CheckLabelAndOutput(shape, y, f);
        static RealMatrix<T> One(T v) => RealMatrix<T>.Create(1, 1, (_, _) => v);
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.GaussianIdentity:
                return ([y[0] - f[0]], One(T.Of(-1)));
            case LikelihoodFamily.BernoulliLogit:
            {
                var s = Sigmoid(f[0]);
                var t = Sigmoid(-f[0]);
                // y·σ(−f) − (1 − y)·σ(f) = y − σ(f) for y ∈ {0, 1}, exact in doubles: the written 1 − σ(f) was 0 once σ(f) rounded to 1
                return ([y[0] * t - (1 - y[0]) * s], One(-(s * t)));
            }
            case LikelihoodFamily.CategoricalSoftmax:
            {
                var pi = Softmax(f);
                int c = pi.Length;
                // Σ_{k≠i}π_k = 1 − π_i without its cancellation (the written 1 − π_i was 0 once π_i rounded to 1)
                var rest = Enumerable.Range(0, c).Select(i =>
                {
                    T sum = T.Of(0);
                    for (int k = 0; k < c; k++)
                        if (k != i)
                            sum += pi[k];
                    return sum;
                }).ToArray();
                var h = RealMatrix<T>.Create(c, c, (i, j) => i != j ? pi[i] * pi[j] : -(pi[i] * rest[i]));
                // y_i·Σ_{k≠i}π_k − (1 − y_i)·π_i = y_i − π_i for y_i ∈ {0, 1}, exact in doubles
                var gradient = Enumerable.Range(0, c).Select(i => y[i] * rest[i] - (1 - y[i]) * pi[i]).ToArray();
                return (gradient, h);
            }
            case LikelihoodFamily.PoissonLog:
            {
                var rate = T.Exp(f[0]);
                // in doubles y − λ as −y·expm1(f − ln y) where the two are within a factor 2 (PoissonNearLabel: y − λ kept
                // only λ's absolute error there; y = 1, f = 3.1e-59: 0 for −3.1e-59)
                if (typeof(T) == typeof(Float64) && Likelihoods.PoissonNearLabel.Applies(T.Estimate(y[0]), T.Estimate(f[0])))
                    return ([T.Of(Likelihoods.PoissonNearLabel.Score(T.Estimate(y[0]), T.Estimate(f[0])))], One(-rate));
                return ([y[0] - rate], One(-rate));
            }
            case LikelihoodFamily.BernoulliProbability:
            {
                var q = f[0];
                var p = 1 - q;
                // y/q² is 0 at y = 0: the written 0/(q·q) was 0/0 = NaN in doubles once q·q underflowed (q below ≈ 1.5e-162);
                // below q = 2^-511, where q·q leaves the normal range, y·(1/q)·(1/q): 1/(q·q) rounded q·q to the subnormal grid
                // first (4.4 ulp off at q = 7.50098782778707e-155, where 1/q² ≈ 1.78e308 is in range)
                var overQSquared = T.Sign(y[0]) == 0 ? T.Of(0)
                    : Math.Abs(T.Estimate(q)) < SquareUnderflows ? y[0] * (1 / q) * (1 / q)
                    : y[0] / (q * q);
                return ([y[0] / q - (1 - y[0]) / p], One(-overQSquared - (1 - y[0]) / (p * p)));
            }
            default:
            {
                if (typeof(T) == typeof(Float64)
                    && !ScaledSum.Ordinary(T.Estimate(y[0]), T.Estimate(f[0]), T.Estimate(f[1])))
                    return GaussianMeanVarianceInDoubles<T>(T.Estimate(y[0]), T.Estimate(f[0]), T.Estimate(f[1]));
                var r = y[0] - f[0];
                var v = f[1];
                var v2 = v * v;
                var h = RealMatrix<T>.Create(2, 2, (i, j) => (i, j) switch
                {
                    (0, 0) => -(1 / v),
                    (1, 1) => (T.Ratio(1, 2) - r * r / v) / v2,
                    _ => -(r / v2),
                });
                return ([r / v, (r * r / v - 1) / (2 * v)], h);
            }
        }
    }

    /// <summary>
    /// The Gaussian mean–variance derivatives in doubles where y, μ or v leaves [2^-100, 2^100]: the forms of
    /// <see cref="Likelihoods.GaussianMeanVariance"/> from a = (y − μ)/v and 1/v, ∇ = (a, a·(a/2) − 1/(2v)), ∇² = [[−1/v, −a/v],
    /// [−a/v, (1/(2v))/v − a·(a/v)]], so that no r², v² or v³ over- or underflows on its own (the written (1/2 − r²/v)/v² was
    /// 0 from v ≈ 1.34e154 on, where v² overflowed, though 1/(2v²) is a subnormal double up to v ≈ 1e162, and r² overflowed
    /// from |r| ≈ 1.34e154 while r²/v may be in range). Accuracy as stated there; a result beyond the range is ±∞ here (the
    /// curvature matrices reject it naming θ). Where both terms of ∇_v or ∇²_vv overflow (∞ − ∞, was NaN: at v = 2^-599,
    /// y − μ = 2^-300 the entry ∇²_vv is exactly 0, at v = 2^-1074, y − μ = 2^-537 so is ∇_v) that entry is its exact value
    /// (r² − v)/(2v²) or (v − 2r²)/(2v³) in rationals from the doubles, rounded once (±∞ beyond the range); where y, μ or v is
    /// itself ±∞ there (an MLP's f beyond the range, and the nodes μ ± √(3v) with it) a <see cref="DoubleRangeException"/>.
    /// </summary>
    private static (T[] Gradient, RealMatrix<T> Hessian) GaussianMeanVarianceInDoubles<T>(double y, double mean, double variance)
        where T : IReal<T>
    {
        double a = Likelihoods.GaussianTerms.ResidualOver(y, mean, variance), v = variance;
        double cross = Likelihoods.GaussianMeanVariance.CrossCurvature(y, mean, v, a);
        double varianceScore = a * (0.5 * a) - 0.5 / v, varianceCurvature = 0.5 / v / v + a * cross;
        if (double.IsNaN(varianceScore) || double.IsNaN(varianceCurvature))
        {
            // no exact value of an infinite y, μ or v (a node μ ± √(3v) at v = ∞ is ±∞): ExactDouble's "value must be
            // finite" named no range (tanh MLP with W₂[1] = b₂[1] = MaxValue: v = ∞, E[−∇²], the Fisher, TermScale)
            if (!double.IsFinite(y) || !double.IsFinite(mean) || !double.IsFinite(variance))
                throw new DoubleRangeException(
                    $"y and f of gaussian-mean-variance must be within ±double.MaxValue, the range of a double, got y = {Require.Show(y)}, f = ({Require.Show(mean)}, {Require.Show(variance)}).",
                    "f");
            Fraction r = ExactDouble.ToFraction(y) - ExactDouble.ToFraction(mean), exactV = ExactDouble.ToFraction(variance);
            Fraction r2 = r * r, v2 = exactV * exactV;
            if (double.IsNaN(varianceScore))
                varianceScore = ExactDouble.ToDouble((r2 - exactV) / (2 * v2));
            if (double.IsNaN(varianceCurvature))
                varianceCurvature = ExactDouble.ToDouble((exactV - 2 * r2) / (2 * v2 * exactV));
        }
        double[,] h = { { -1 / v, cross }, { cross, varianceCurvature } };
        return ([T.Of(a), T.Of(varianceScore)], RealMatrix<T>.Create(2, 2, (i, j) => T.Of(h[i, j])));
    }

    /// <summary>
    /// Nodes y_k and weights w_k with E_{y~p(·|f)}[φ(y)] = Σ_k w_k φ(y_k) exactly for every polynomial φ of the degree the
    /// curvature integrands have in y (the score's outer product and the Hessian of log p, both polynomial in y):
    /// finite supports are summed exactly (Bernoulli {0, 1}, the C one-hot classes); N(f, 1) by the two-point rule
    /// f ± 1 (exact to degree 3; the integrands have degree ≤ 2); N(μ, v) by three-point Gauss–Hermite μ, μ ± √(3v)
    /// with weights 2/3, 1/6, 1/6 (exact to degree 5; the integrands have degree ≤ 4); Poisson(λ = eᶠ) by the two-point
    /// Gauss–Charlier rule λ + u± with u± the roots of u² − u − λ (it matches the mean λ and the central moments λ, λ,
    /// so it is exact to degree 3; the integrands have degree ≤ 2).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// f of the wrong length or outside the domain; a <see cref="DoubleRangeException"/> naming f where a node or weight is
    /// not finite (doubles: the Poisson's at λ = eᶠ = ∞, f above ln MaxValue ≈ 709.78, were NaN and returned as such).
    /// </exception>
    public static IReadOnlyList<(U[] Label, U Weight)> Expectation<U>(CurvatureShape shape, IReadOnlyList<U> f) where U : IReal<U>
    {
        var rule = ExpectationUnchecked(shape, f);
        if (!rule.All(p => U.IsFinite(p.Weight) && p.Label.All(U.IsFinite)))
            throw new DoubleRangeException(
                $"the expectation rule of {shape.LikelihoodName} is beyond ±double.MaxValue at f = [{string.Join(", ", f.Select(v => Require.Show(U.Estimate(v))))}], the range of a double node or weight.",
                nameof(f));
        return rule;
    }

    /// <summary>
    /// <see cref="Expectation{U}"/> with non-finite nodes or weights returned as they are (±∞, NaN), for the callers that
    /// handle them themselves (CurvatureProblem's members reject the matrices they reach naming the range; TermScale
    /// takes the exact route there).
    /// </summary>
    /// <exception cref="ArgumentException">f of the wrong length or outside the domain.</exception>
    internal static IReadOnlyList<(U[] Label, U Weight)> ExpectationUnchecked<U>(CurvatureShape shape, IReadOnlyList<U> f) where U : IReal<U>
    {
        ArgumentNullException.ThrowIfNull(shape);
        CheckLength(shape, f, nameof(f));
        if (!InDomain(shape.Likelihood, f))
            throw new ArgumentException($"f is outside the domain of {shape.LikelihoodName}: {DomainCondition(shape.Likelihood)}.", nameof(f));
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.GaussianIdentity:
                return [([f[0] - 1], U.Ratio(1, 2)), ([f[0] + 1], U.Ratio(1, 2))];
            case LikelihoodFamily.BernoulliLogit:
                return [([U.Of(0)], Sigmoid(-f[0])), ([U.Of(1)], Sigmoid(f[0]))];
            case LikelihoodFamily.CategoricalSoftmax:
            {
                var pi = Softmax(f);
                return Enumerable.Range(0, f.Count)
                    .Select(c => (Enumerable.Range(0, f.Count).Select(k => k == c ? U.Of(1) : U.Of(0)).ToArray(), pi[c]))
                    .ToList();
            }
            case LikelihoodFamily.PoissonLog:
            {
                var (lambda, s, down, up) = PoissonRoots(f[0]);
                // λ/(u₊s) as (λ/u₊)/s where u₊s ≈ 2λ would overflow (λ above MaxValue/4, f > ln(MaxValue/4) ≈ 708.4)
                var upper = Large(lambda) ? lambda / up / s : lambda / (up * s);
                return [([lambda + down], up / s), ([lambda + up], upper)];
            }
            case LikelihoodFamily.BernoulliProbability:
                return [([U.Of(0)], 1 - f[0]), ([U.Of(1)], f[0])];
            default:
            {
                var s = GaussHermiteOffset(f[1]);
                return [([f[0]], U.Ratio(2, 3)), ([f[0] - s], U.Ratio(1, 6)), ([f[0] + s], U.Ratio(1, 6))];
            }
        }
    }

    /// <summary>
    /// The offsets y_k − f₀ of the Gaussian rules' nodes in the order of <see cref="Expectation{U}"/> (identity: ∓1;
    /// mean–variance: 0, ∓√(3v)), formed without f₀, so that a node rounded to f₀'s grid (f₀ ∓ 1 is f₀ beyond |f₀| = 2^53)
    /// does not lose them; null for the other likelihoods. Both Gaussian log-densities depend on y and f₀ only through y − f₀.
    /// </summary>
    internal static U[]? ExpectationOffsets<U>(CurvatureShape shape, IReadOnlyList<U> f) where U : IReal<U>
    {
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.GaussianIdentity:
                return [U.Of(-1), U.Of(1)];
            case LikelihoodFamily.GaussianMeanVariance:
            {
                var s = GaussHermiteOffset(f[1]);
                return [U.Of(0), -s, s];
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// √(3v), the offset of the three-point Gauss–Hermite nodes: as written, and as 2·√(¾v) where 3v overflows (v above
    /// double.MaxValue/3 ≈ 6e307; the node was +∞ and E[−∇²] rejected at v = 1.8e308, though its entries x²/(2v²) are in
    /// range). Bit for bit the same where both forms are normal: ¾v and 3v have one mantissa, and √(x/4) = √x/2 exactly.
    /// </summary>
    private static U GaussHermiteOffset<U>(U variance) where U : IReal<U>
    {
        var threeV = 3 * variance;
        return U.IsFinite(threeV) ? U.Sqrt(threeV) : 2 * U.Sqrt(U.Ratio(3, 4) * variance);
    }

    /// <summary>
    /// The node scores ∇_f log p(y_k|f) = y_k − λ of the Poisson rule of <see cref="Expectation{U}"/>, formed as the roots
    /// u₋, u₊ themselves rather than from the nodes λ + u±: those round to λ's grid, so the written (λ + u±) − λ loses u±
    /// once √λ is below half an ulp of λ (f ≳ 74; F₀₀ at f = 114 came out 0 for e^114). Null for the other likelihoods,
    /// whose node scores the nodes (or <see cref="ExpectationOffsets{U}"/>) give without that cancellation.
    /// </summary>
    internal static U[]? ExpectationNodeScores<U>(CurvatureShape shape, IReadOnlyList<U> f) where U : IReal<U>
    {
        if (shape.Likelihood != LikelihoodFamily.PoissonLog)
            return null;
        var (_, _, down, up) = PoissonRoots(f[0]);
        return [down, up];
    }

    /// <summary>
    /// The Gauss–Charlier pieces of the Poisson rule at log rate f: λ = eᶠ, s = √(1 + 4λ) and the roots u₋ &lt; u₊ of
    /// u² − u − λ, u₊ = (1 + s)/2 and u₋ = −λ/u₊ (u₊u₋ = −λ, without the cancellation of (1 − s)/2). Where 4λ would
    /// overflow (λ above MaxValue/4, f > ln(MaxValue/4) ≈ 708.4) s is 2√λ·√(1 + 1/(4λ)), the same value: the Fisher and E[−∇²] were
    /// rejected there as beyond the range though λ·JJᵀ is within it up to f = ln MaxValue ≈ 709.78.
    /// </summary>
    private static (U Lambda, U S, U Down, U Up) PoissonRoots<U>(U f) where U : IReal<U>
    {
        var lambda = U.Exp(f);
        var s = Large(lambda) ? 2 * U.Sqrt(lambda) * U.Sqrt(1 + 1 / (4 * lambda)) : U.Sqrt(1 + 4 * lambda);
        var up = (1 + s) / 2;
        return (lambda, s, -lambda / up, up);
    }

    /// <summary>True where 4λ (and u₊s ≈ 2λ) would overflow: λ above MaxValue/4 (as a double estimate).</summary>
    private static bool Large<U>(U lambda) where U : IReal<U> => U.Estimate(lambda) > double.MaxValue / 4;

    /// <summary>
    /// In doubles, the weights w_k of <see cref="Expectation{U}"/>, the node scores g_k = ∇_f log p(y_k|f) and
    /// A = ∇²_f log p (the same at every y) of the Bernoulli logit, the Poisson log rate and the categorical softmax, each
    /// entry carried as M·2^E (<see cref="Likelihoods.ScaledExp"/>), where one of them falls below 2^-1022: there the
    /// doubles lose their digits or are 0 before J_n (up to 1.8e308) scales them back up in the Fisher (eq. 7.2), E[−∇²]
    /// (eq. 7.4) and the GGN (eq. 7.14): logit or Poisson at f = −800, x = 1e300 gave F₀₀ ≈ 1e-95 where the exact
    /// x²·e^-800/(1 + e^-800)² ≈ 3.6e252, and E[−∇²], G came out 0. Null elsewhere (the doubles serve, bit for bit as
    /// before), for the other likelihoods and where an f entry is not finite. Nodes in the order of <see cref="Expectation{U}"/>.
    /// <list type="bullet">
    /// <item>Logit, t = −|f| with e^t below 2^-1022: σ(t) = e^t/(1 + e^t) as ScaledExp's e^t (1 + e^t rounds to 1, a
    /// relative change below 2^-1021), within 3u + 2^-1021; σ(−t) = 1/(1 + e^t) as 1, within 2^-1021. w = (σ(−f), σ(f)),
    /// g = (−σ(f), σ(−f)), A = −σ(f)σ(−f).</item>
    /// <item>Poisson with λ = eᶠ below 2^-1022: λ as ScaledExp's, within 3u; s = √(1 + 4λ) and u₊ = (1 + s)/2 as 1, each
    /// within 2λ &lt; 2^-1020. w = (u₊/s, λ/(u₊s)) = (1, λ), g = (u₋, u₊) = (−λ/u₊, u₊) = (−λ, 1), A = −λ, each within
    /// 3u + 2^-1018.</item>
    /// <item>Softmax with some π_c below 2^-1022, or two whose binary exponents sum to at most −1020 (π_iπ_j may underflow):
    /// π_c = e^{t_c}/S with t_c = f_c − m rounded (m = max f), e^{t_c} as ScaledExp's, S = Σ e^{t_c} ∈ [1, C] as
    /// <see cref="Softmax{U}"/> sums it, the quotient of the mantissas once: within (|t_c| + C + 6)·u (u·|t_c| from t_c's
    /// rounding through exp's condition number, 3u ScaledExp, (C + 1)u S, u the quotient; π_c = 0 where t_c is −∞).
    /// w_k = π_k; g_k = e_k − π with 1 − π_k as one <see cref="ScaledSum"/> Σ_{c≠k} π_c (C − 2 more additions);
    /// A_ij = π_iπ_j (i ≠ j) and A_ii = −π_i·Σ_{c≠i} π_c, the mantissas multiplied once (1u more).</item>
    /// </list>
    /// </summary>
    internal static ScaledLikelihoodTerms? ScaledLikelihoodTermsWhereNeeded(CurvatureShape shape, IReadOnlyList<double> f)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(f);
        if (!f.All(double.IsFinite))
            return null;
        static (double, int) Negative((double M, int E) x) => (-x.M, x.E);
        static Likelihoods.ScaledVector Gradient(params (double M, int E)[] g) => new(g.Select(x => x.M).ToArray(), g.Select(x => x.E).ToArray());
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.BernoulliLogit:
            {
                double t = -Math.Abs(f[0]);
                if (!(Math.Exp(t) < ScaledDerivative.MinNormal))
                    return null;
                (double, int) small = Likelihoods.ScaledExp.Of(t), one = (1.0, 0);
                var (ofF, ofMinusF) = f[0] < 0 ? (small, one) : (one, small); // σ(f), σ(−f)
                return new([(ofMinusF, Gradient(Negative(ofF))), (ofF, Gradient(ofMinusF))], new[,] { { Negative(small) } });
            }
            case LikelihoodFamily.PoissonLog:
            {
                if (!(Math.Exp(f[0]) < ScaledDerivative.MinNormal))
                    return null;
                var lambda = Likelihoods.ScaledExp.Of(f[0]);
                return new([((1.0, 0), Gradient(Negative(lambda))), (lambda, Gradient((1.0, 0)))], new[,] { { Negative(lambda) } });
            }
            case LikelihoodFamily.CategoricalSoftmax:
            {
                int c = f.Count;
                var scaled = Likelihoods.CategoricalSoftmax.ScaledProbabilities(f);
                var pi = Enumerable.Range(0, c).Select(k => (M: scaled.Mantissas[k], E: scaled.Exponents[k])).ToArray();
                long Exponent(int k) => (long)Math.ILogB(pi[k].M) + pi[k].E;
                bool needed = false;
                for (int i = 0; i < c; i++)
                    for (int j = i; j < c; j++)
                        if (pi[i].M != 0 && pi[j].M != 0 && (i == j ? Exponent(i) < -1022 : Exponent(i) + Exponent(j) <= -1020))
                            needed = true;
                if (!needed)
                    return null;
                var rest = Enumerable.Range(0, c).Select(i => Likelihoods.CategoricalSoftmax.Others(scaled, i)).ToArray(); // Σ_{k≠i} π_k = 1 − π_i without cancellation
                var hessian = new (double M, int E)[c, c];
                for (int i = 0; i < c; i++)
                    for (int j = 0; j < c; j++)
                        hessian[i, j] = Likelihoods.CategoricalSoftmax.ScaledHessianEntry(scaled, i, j);
                var nodes = Enumerable.Range(0, c)
                    .Select(k => (pi[k], Gradient(Enumerable.Range(0, c).Select(i => i == k ? rest[k] : Negative(pi[i])).ToArray())))
                    .ToArray();
                return new(nodes, hessian);
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// The label vector of a data label y: [y] read as a real input for the Gaussians (<see cref="IReal{T}.Input"/>), the
    /// one-hot e_y for the categorical, [y] as an exact constant for the Bernoulli and Poisson counts.
    /// </summary>
    /// <exception cref="ArgumentException">y is not finite or not in the support (0/1, a class index, a count).</exception>
    public static T[] Label<T>(CurvatureShape shape, double y) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!double.IsFinite(y))
            throw new ArgumentException($"y must be finite, got {y}.", nameof(y));
        bool index = y >= 0 && y == Math.Floor(y);
        switch (shape.Likelihood)
        {
            case LikelihoodFamily.GaussianIdentity or LikelihoodFamily.GaussianMeanVariance:
                return [T.Input(y)];
            case LikelihoodFamily.CategoricalSoftmax:
                if (!index || y >= shape.Classes)
                    throw new ArgumentException($"y must be a class index in [0, {shape.Classes - 1}], got {y}.", nameof(y));
                return Enumerable.Range(0, shape.Classes).Select(c => c == (int)y ? T.Of(1) : T.Of(0)).ToArray();
            case LikelihoodFamily.PoissonLog:
                if (!index)
                    throw new ArgumentException($"y must be a count (an integer ≥ 0), got {y}.", nameof(y));
                return [T.Of(y)];
            default:
                if (y is not (0 or 1))
                    throw new ArgumentException($"y must be 0 or 1, got {y}.", nameof(y));
                return [T.Of(y)];
        }
    }

    /// <summary>The condition of <see cref="InDomain"/> that f violates (only the two likelihoods with a restricted domain can).</summary>
    private static string DomainCondition(LikelihoodFamily likelihood) =>
        likelihood == LikelihoodFamily.BernoulliProbability ? "f[0] (a probability) must be in (0, 1)" : "f[1] (a variance) must be > 0";

    private static void CheckLength<U>(CurvatureShape shape, IReadOnlyList<U> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != shape.Outputs)
            throw new ArgumentException($"{name} must have length {shape.Outputs} for {shape.LikelihoodName}, got {v.Count}.", name);
    }
}

/// <summary>
/// The expectation rule's weights w_k with the node scores g_k, and A = ∇²_f log p, each entry M·2^E
/// (<see cref="CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded"/>).
/// </summary>
internal sealed record ScaledLikelihoodTerms(
    IReadOnlyList<((double Mantissa, int Exponent) Weight, Likelihoods.ScaledVector Gradient)> Nodes,
    (double Mantissa, int Exponent)[,] Hessian);
