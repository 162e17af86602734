using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The guards of src/Math/Curvature's own files (issue 15, item 1) that no other example pins down: the data set's
/// lengths and finiteness, the problem's data dimension, label support, sample index and θ-naming re-throw, the curvature
/// shape of eq. (7.1) and its formulas' lengths, domains and labels, the generic problem's lengths, matrix rows, square
/// matrices for the spectral bounds, and a split term beyond the range. Each is an <see cref="ArgumentException"/> with the
/// parameter's name and the violated condition or range; the smallest accepted input is checked against a closed form.
/// </summary>
public sealed class CurvatureRejectionExamples
{
    private static Vector<double> V(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    private static Float64 F(double value) => Float64.Of(value);

    [Fact]
    public void SpectralBounds_RejectANonSquareMatrix()
    {
        var wide = RealMatrix<Float64>.Constant(new double[2, 3]);
        ArgumentAssert.Rejects(() => SpectralNormFormulas.LowerBound(wide), "a", "a must be square, got 2×3");
        ArgumentAssert.Rejects(() => SpectralNormFormulas.UpperBound(wide), "a", "a must be square, got 2×3");
        var diagonal = RealMatrix<Float64>.Constant(new double[,] { { 3, 0 }, { 0, -5 } }); // ‖A‖₂ = 5
        Assert.Equal(5.0, SpectralNormFormulas.LowerBound(diagonal).Value, 1e-12); // 1e-12: the eigen-solver's rounding
        Assert.Equal(5.0, SpectralNormFormulas.UpperBound(diagonal).Value, 1e-12);
    }

    [Fact]
    public void Dataset_RejectsMismatchedOrNonFiniteSamples()
    {
        ArgumentAssert.Rejects(() => new Dataset([], []), "inputs", "inputs must not be empty");
        ArgumentAssert.Rejects(() => new Dataset([V(1)], [0.0, 1.0]), "labels", "labels has length 2, expected 1");
        ArgumentAssert.Rejects(() => new Dataset([V(1), V(double.PositiveInfinity)], [0.0, 1.0]), "inputs[1]", "inputs[1][0] must be finite");
        ArgumentAssert.Rejects(() => new Dataset([V(1), V(1, 2)], [0.0, 1.0]), "inputs[1]", "inputs[1] has length 2, expected 1");
        ArgumentAssert.Rejects(() => new Dataset([V(1), V(2)], [0.0, double.NaN]), "labels[1]", "labels[1] must be finite, got NaN");
        var one = new Dataset([V(1, 2)], [5.0]);
        Assert.Equal((1, 2, 5.0), (one.Count, one.InputDimension, one.Labels[0]));
    }

    [Fact]
    public void LikelihoodProblem_RejectsDataOfAnotherDimensionAndALabelOutsideTheSupport()
    {
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(2), new GaussianIdentity(), new Dataset([V(1)], [0.0])),
            "data", "data has length 1, expected 2");
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(1), new BernoulliLogit(), new Dataset([V(1), V(2)], [0.0, 0.5])),
            "data.Labels[1]", "data.Labels[1] must be an integer in [0, 1], got 0.5");
        ArgumentAssert.Rejects(() => new LikelihoodProblem(new LinearModel(1, 2), new GaussianIdentity(), new Dataset([V(1)], [0.0])),
            "likelihood", "model has 2 outputs but gaussian-identity needs 1");
    }

    /// <summary>0 ≤ n &lt; N: n = N and −1 are rejected; n = N − 1 gives f = w·x + b.</summary>
    [Fact]
    public void LikelihoodProblemOutput_RejectsASampleIndexOutsideTheData()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(1), V(3)], [0.0, 0.0]));
        ArgumentAssert.Rejects(() => p.Output(2, V(2, 5)), "n", "n must be in [0, 1], got 2");
        ArgumentAssert.Rejects(() => p.Jacobian(-1, V(2, 5)), "n", "n must be in [0, 1], got -1");
        Assert.Equal(11.0, p.Output(1, V(2, 5))[0]);
    }

    /// <summary>f(x_n, θ) is validated against the likelihood's domain under its own name: q = θx = 2 is not a probability.</summary>
    [Fact]
    public void LikelihoodProblemOutput_RejectsAnOutputOutsideTheLikelihoodsDomain()
    {
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new BernoulliProbability(), new Dataset([V(1)], [1.0]));
        ArgumentAssert.Rejects(() => p.Output(0, V(2)), "f(x_0, θ)", "f(x_0, θ)[0] (a probability) must be in (0, 1), got 2");
        Assert.Equal(0.5, p.Output(0, V(0.5))[0]);
    }

    /// <summary>
    /// The likelihood's rejection of a result beyond the range names f, which SampleLoss does not have: it is re-thrown
    /// naming θ, with θ and the likelihood's reason. ℓ = (y − f)²/2 + ½log 2π with y − f = 2e200 overflows.
    /// </summary>
    [Fact]
    public void SampleLoss_RejectsALossBeyondTheRange_NamingTheta()
    {
        var p = new LikelihoodProblem(new LinearModel(1, bias: false), new GaussianIdentity(), new Dataset([V(1)], [1e200]));
        var e = ArgumentAssert.Rejects(() => p.SampleLoss(0, V(-1e200)), "theta", "at θ = [-1E+200]: log p(y|f) of gaussian-identity is beyond the double range");
        Assert.Equal("f", Assert.IsType<ArgumentException>(e.InnerException).ParamName);
        Assert.Equal(0.5 * Math.Log(2 * Math.PI), p.SampleLoss(0, V(1e200)), 15); // y = f: only the normalising constant
    }

    /// <summary>
    /// A tanh MLP (D = H = 1) at x = 1e10 with W₂ = 1e300: h = 0 and f = 0, but ∂f/∂W₁ = W₂·x = 1e310 is beyond the range, so
    /// the Fisher matrix, ∇²_θ log p and the identity split's GGN cannot be given: rejected naming θ (J_0 is stated as the
    /// cause).
    /// </summary>
    [Fact]
    public void FisherAndSplitGgn_RejectAJacobianBeyondTheRange()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new GaussianIdentity(), new Dataset([V(1e10)], [0.0]));
        var theta = V(0, 0, 1e300, 0);
        ArgumentAssert.Rejects(() => p.Fisher(theta), "theta", "J_0 or ∇²f_0 of");
        // The identity split's outer Hessian ∇²_θ log p: rejected naming the scaled sum's internal "factors" before (a defect).
        ArgumentAssert.Rejects(() => Splits.GeneralizedGaussNewton(Splits.Identity(p), theta), "theta", "J_0 of tanh-mlp(D=1,H=1,M=1) is beyond ±double.MaxValue");
        ArgumentAssert.Rejects(() => p.LogDensityHessian(0, theta, 0), "theta", "J_0 of tanh-mlp(D=1,H=1,M=1) is beyond ±double.MaxValue");
        var ordinary = V(0, 0, 1, 0); // J = (W₂x(1 − h²), W₂(1 − h²), h, 1) = (1e10, 1, 0, 1): F = JᵀJ (σ² = 1)
        Assert.Equal(1e20, p.Fisher(ordinary)[0, 0], 1e20 * 1e-15); // 1e-15 relative: the rule's weights ½ and squares, a few roundings
    }

    /// <summary>
    /// The canonical split's residual term Σ_m g_m·∇²_θ f^(m) with ∂²f/∂w² = v·(−2h(1 − h²))·x² at x = 1e10, w = 1e-20, v = 1e300
    /// (h ≈ 1e-10): ≈ −2e310, beyond the range, while g = −(f − y) ≈ −1e290 is finite. A non-finite term of a split other than
    /// the empirical Fisher's is rejected naming θ, the sample and the split. The identity split's residual term is exactly
    /// 0 there (its inner Hessians ∇²_θ θ are 0): until stop 41 this example pinned its rejection, which came from the score
    /// J·g beyond the range (J₀ ≈ 1e310) times 0.
    /// </summary>
    [Fact]
    public void SplitResidualTerm_RejectsATermBeyondTheRange()
    {
        var p = new LikelihoodProblem(new TanhMlp(1, 1), new GaussianIdentity(), new Dataset([V(1e10)], [0.0]));
        ArgumentAssert.Rejects(() => Splits.ResidualTerm(Splits.Canonical(p), V(1e-20, 0, 1e300, 0)), "theta",
            "the residual term of sample 0 of the split");
        Assert.Equal(Matrix<double>.Build.Dense(4, 4), Splits.ResidualTerm(Splits.Identity(p), V(1e-20, 0, 1e300, 0)));
        // At f = y the outer gradient is 0 and the residual term vanishes whatever the model's Hessians: W₂ = 0 gives f = 0.
        Assert.Equal(Matrix<double>.Build.Dense(4, 4), Splits.ResidualTerm(Splits.Identity(p), V(1e-20, 0, 0, 0)));
    }

    /// <summary>The splits check θ as the problem does: finite and of length d, in the GGN and the residual term.</summary>
    [Fact]
    public void Splits_RejectANonFiniteOrMisSizedTheta()
    {
        var p = new LikelihoodProblem(new LinearModel(1), new GaussianIdentity(), new Dataset([V(2)], [0.0]));
        ArgumentAssert.Rejects(() => Splits.GeneralizedGaussNewton(Splits.Canonical(p), V(double.NaN, 0)), "theta", "theta[0] must be finite, got NaN");
        ArgumentAssert.Rejects(() => Splits.ResidualTerm(Splits.Canonical(p), V(0, double.NaN)), "theta", "theta[1] must be finite, got NaN");
        ArgumentAssert.Rejects(() => Splits.ResidualTerm(Splits.Identity(p), V(0)), "theta", "theta has length 1, expected 2");
        // Gaussian identity, linear f = 2w + b: the canonical GGN is JᵀJ with J = (2, 1).
        Assert.Equal(Matrix<double>.Build.DenseOfArray(new double[,] { { 4, 2 }, { 2, 1 } }), Splits.GeneralizedGaussNewton(Splits.Canonical(p), V(0, 0)));
    }

    /// <summary>D ≥ 1, H ≥ 1, C ≥ 2 (0, 0 and 1 rejected; 1, 1 and 2 accepted), and a curved-linear model only with one output.</summary>
    [Fact]
    public void CurvatureShape_RejectsSizesBelowTheirMinimaAndACurvedLinearModelWithSeveralOutputs()
    {
        ArgumentAssert.Rejects(() => new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 0), "inputs", "inputs must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.GaussianIdentity, 1, 0), "hidden", "hidden must be ≥ 1, got 0");
        ArgumentAssert.Rejects(() => new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, 1, 1), "classes", "classes must be ≥ 2, got 1");
        ArgumentAssert.Rejects(() => new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianMeanVariance, 1),
            "likelihood", "the curved-linear model has one output, GaussianMeanVariance needs 2");
        var smallest = new CurvatureShape(ModelFamily.TanhMlp, LikelihoodFamily.CategoricalSoftmax, 1, 1, 2);
        Assert.Equal(1 * (1 + 1) + 2 * (1 + 1), smallest.Parameters); // H(D + 1) + C(H + 1)
        Assert.Equal(1, new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.BernoulliProbability, 1).Parameters);
    }

    [Fact]
    public void CurvatureFormulasOutput_RejectsInputsAndParametersOfTheWrongLength()
    {
        var shape = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Output(shape, F(0), [F(1), F(2)], [F(2), F(5)]), "x", "x must have length 1, got 2");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Output(shape, F(0), [F(3)], [F(2)]), "theta", "theta must have length 2, got 1");
        Assert.Equal(11.0, CurvatureFormulas.Output(shape, F(0), [F(3)], [F(2), F(5)])[0].Value); // 2·3 + 5
    }

    [Fact]
    public void LogSumExpAndSoftmax_RejectAnEmptyF()
    {
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogSumExp<Float64>([]), "f", "f must not be empty");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Softmax<Float64>([]), "f", "f must not be empty");
        Assert.Equal(0.0, CurvatureFormulas.LogSumExp<Float64>([F(0)]).Value); // log e⁰
        Assert.Equal(1.0, CurvatureFormulas.Softmax<Float64>([F(7)])[0].Value);
    }

    /// <summary>y and f of the shape's lengths, f in the domain (q ∈ (0, 1), v &gt; 0), in LogDensity and Expectation.</summary>
    [Fact]
    public void LogDensityAndExpectation_RejectWrongLengthsAndAnOutputOutsideTheDomain()
    {
        var gauss = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianIdentity, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensity(gauss, [F(0), F(0)], [F(0)]), "y", "y must have length 1 for gaussian-identity, got 2");
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensity(gauss, [F(0)], [F(0), F(0)]), "f", "f must have length 1 for gaussian-identity, got 2");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(gauss, [F(0), F(0)]), "f", "f must have length 1 for gaussian-identity, got 2");
        var probability = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliProbability, 1);
        var meanVariance = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.GaussianMeanVariance, 1);
        const string q = "f is outside the domain of bernoulli-probability: f[0] (a probability) must be in (0, 1)";
        const string v = "f is outside the domain of gaussian-mean-variance: f[1] (a variance) must be > 0";
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensity(probability, [F(1)], [F(1)]), "f", q);
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensityDerivatives(probability, [F(1)], [F(0)]), "f", q);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(probability, [F(1)]), "f", q);
        ArgumentAssert.Rejects(() => CurvatureFormulas.LogDensity(meanVariance, [F(0)], [F(0), F(0)]), "f", v);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Expectation(meanVariance, [F(0), F(0)]), "f", v);
        Assert.Equal(-2.0, CurvatureFormulas.LogDensity(gauss, [F(1)], [F(3)]).Value); // −(y − f)²/2 (the constant −½log 2π is left out)
        var rule = CurvatureFormulas.Expectation(probability, [F(0.25)]); // P(y = 1) = q
        Assert.Equal(0.25, rule.Single(r => r.Label[0].Value == 1).Weight.Value);
    }

    /// <summary>y finite and in the support: class index in [0, C − 1], a count (integer ≥ 0), 0 or 1; the accepted labels' vectors.</summary>
    [Fact]
    public void Label_RejectsALabelOutsideTheSupport()
    {
        var categorical = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.CategoricalSoftmax, 1, 1, 3);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(categorical, double.NaN), "y", "y must be finite, got NaN");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(categorical, 3), "y", "y must be a class index in [0, 2], got 3");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(categorical, 0.5), "y", "y must be a class index in [0, 2], got 0.5");
        Assert.Equal([0.0, 0.0, 1.0], CurvatureFormulas.Label<Float64>(categorical, 2).Select(c => c.Value));
        var poisson = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.PoissonLog, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(poisson, -1), "y", "y must be a count (an integer ≥ 0), got -1");
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(poisson, 0.5), "y", "y must be a count (an integer ≥ 0), got 0.5");
        Assert.Equal(0.0, CurvatureFormulas.Label<Float64>(poisson, 0)[0].Value);
        var bernoulli = new CurvatureShape(ModelFamily.Linear, LikelihoodFamily.BernoulliLogit, 1);
        ArgumentAssert.Rejects(() => CurvatureFormulas.Label<Float64>(bernoulli, 2), "y", "y must be 0 or 1, got 2");
        Assert.Equal(1.0, CurvatureFormulas.Label<Float64>(bernoulli, 1)[0].Value);
    }

    [Fact]
    public void CurvatureProblem_RejectsMismatchedLengths()
    {
        var shape = new CurvatureShape(ModelFamily.CurvedLinear, LikelihoodFamily.GaussianIdentity, 1);
        ArgumentAssert.Rejects(() => new CurvatureProblem<Float64>(shape, F(0), [], [], [F(1)]), "labels", "need N ≥ 1 inputs and as many labels, got 0 and 0");
        ArgumentAssert.Rejects(() => new CurvatureProblem<Float64>(shape, F(0), [[F(1)]], [[F(1)], [F(1)]], [F(1)]), "labels", "need N ≥ 1 inputs and as many labels, got 1 and 2");
        ArgumentAssert.Rejects(() => new CurvatureProblem<Float64>(shape, F(0), [[F(1)], [F(1), F(2)]], [[F(1)], [F(1)]], [F(1)]), "inputs", "x_1 must have length 1, got 2");
        ArgumentAssert.Rejects(() => new CurvatureProblem<Float64>(shape, F(0), [[F(1)]], [[F(1), F(2)]], [F(1)]), "labels", "y_0 must have length 1, got 2");
        ArgumentAssert.Rejects(() => new CurvatureProblem<Float64>(shape, F(0), [[F(1)]], [[F(1)]], []), "theta", "theta must have length 1, got 0");
        // κ = 0, x = 1: f = θ, J = 1, and the Gaussian Fisher matrix JᵀJ = 1.
        Assert.Equal(1.0, new CurvatureProblem<Float64>(shape, F(0), [[F(1)]], [[F(1)]], [F(1)]).Fisher()[0, 0].Value);
    }

    /// <summary>0 ≤ i &lt; rows: i = rows and −1 are rejected, i = rows − 1 is the last row.</summary>
    [Fact]
    public void Row_RejectsAnIndexOutsideTheRows()
    {
        var a = RealMatrix<Float64>.Constant(new double[,] { { 1, 2 }, { 3, 4 } });
        ArgumentAssert.Rejects(() => a.Row(2), "i", "i must be in [0, 1], got 2");
        ArgumentAssert.Rejects(() => a.Row(-1), "i", "i must be in [0, 1], got -1");
        Assert.Equal([3.0, 4.0], a.Row(1).Select(x => x.Value));
    }
}
