using TorchSharp;
using Verification.Optimizers.Torch;
using Verification.Numerics.Torch;
using Verification.Tests.Properties.Numerics.Torch;
using Xunit;
using static TorchSharp.torch;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;
using MathNet.Numerics.LinearAlgebra;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// The tensor AMOS beyond its agreement with the reference (which is in <see cref="AgreementTable"/>, "optimizers/amos/…"):
/// the agreement's drift bound is not vacuous, the Hutchinson path runs at scale, misuse is rejected, and a user-defined OPT
/// plugs in.
/// </summary>
public class TorchAmosExamples
{
    /// <summary>The exponent 3 of x³, held for the process (a temporary Scalar can be freed mid-call; see TorchScalars).</summary>
    private static readonly Scalar CubeExponent = 3.ToScalar();

    /// <summary>The configurations of the agreement table's AMOS cases.</summary>
    public static TheoryData<int, int, string, string, AmosAssignment, int> Cases
    {
        get
        {
            var data = new TheoryData<int, int, string, string, AmosAssignment, int>();
            foreach (var (seed, n, first, second, mode, every) in OptimizerAgreementCases.AmosConfigurations)
                data.Add(seed, n, first, second, mode, every);
            return data;
        }
    }

    /// <summary>
    /// The drift bound is not vacuous: over the float64 table it stays at the scale of rounding (≤ 1e-9 of |θ|), so the
    /// agreement of the table is ulp-level, not a loose catch-all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_DerivedBound_StaysAtRoundingScale(int seed, int n, string first, string second, AmosAssignment mode, int every)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        int[][]? tensors = mode == AmosAssignment.PerCoordinate ? null : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        var settings = new AmosSettings(OptimizerAgreementCases.AmosThreshold, AlphaL: 0.7, HessianEvery: every, Assignment: mode, Tensors: tensors);
        CoordinatewiseOptimizer one = OptimizerAgreementCases.Inner(first), two = OptimizerAgreementCases.Inner(second);
        var reference = (Amos.AmosRun)new Amos(one, two, settings).Start(c.Reference, c.Theta);
        var bound = new AmosDivergenceBound(c, settings, one, two, Tolerances.Torch.Float64Unit, roundsData: false);
        for (int t = 0; t < OptimizerAgreementCases.AmosSteps; t++)
        {
            var before = reference.Theta;
            reference.Step();
            bound.Advance(before, reference.Theta, reference.UsesFirstOrder, reference.Lipschitz);
        }
        double scale = Math.Max(1, reference.Theta.AbsoluteMaximum());
        Assert.True(bound.Drift <= 1e-9 * scale, $"bound {bound.Drift:R} for |θ| ≤ {scale:R}");
    }

    [Fact]
    public void Hutchinson_ManyParameters_RunsFinite()
    {
        // n = 300 > DenseLimit: the diagonal comes from seeded Rademacher HVPs; f = ½Σ d_i θ_i² + (0.1/6)(Σθ_i/√n)³.
        const int n = 300;
        using var scope = NewDisposeScope();
        var d = linspace(-1, 2, n, dtype: ScalarType.Float64);
        var u = ones(n, dtype: ScalarType.Float64).DividedBy(Math.Sqrt(n));
        Func<Tensor, Tensor> f = x => (d * x * x).sum().Times(0.5).Plus(u.dot(x).pow(CubeExponent).Times(0.1 / 6));
        var settings = new AmosSettings(1e-3, AlphaL: 0.5, Assignment: AmosAssignment.PerTensorMean,
            Tensors: [Enumerable.Range(0, 100).ToArray(), Enumerable.Range(100, 200).ToArray()]);
        using var run = new TorchAmos(settings, new Sgd(0.01), new SophiaDiagonal(0.01), denseLimit: 16, hutchinsonSamples: 4, seed: 3)
            .Start(f, full(n, TorchScalars.OneHalf, dtype: ScalarType.Float64));
        for (int t = 0; t < 4; t++)
            run.Step();
        Assert.True(isfinite(run.Theta).all().item<bool>());
        Assert.True(run.Lipschitz.ge(TorchScalars.Zero).all().item<bool>());
    }

    [Fact]
    public void RejectsBadInput()
    {
        var settings = new AmosSettings(0.1, Tensors: [[0], [0]], Assignment: AmosAssignment.PerTensorMean);
        var c = TorchOptimizerCase.Random(1, 2);
        using var theta = TensorConvert.Vector(c.Theta, ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new TorchAmos(settings, new Sgd(0.1), new SophiaDiagonal(0.1)).Start(c.Function(ScalarType.Float64), theta));
        Assert.Equal("Tensors", e.ParamName);
        Assert.Throws<ArgumentException>(() => new AmosSettings(-1).Validated());
        var eigen = new AmosSettings(0.1, Basis: AmosCurvatureBasis.HessianEigenspaces);
        Assert.Equal("settings", Assert.Throws<ArgumentException>(() => new TorchAmos(eigen, new Sgd(0.1), new SophiaDiagonal(0.1))).ParamName);
        // An OPT without a tensor rule, and a minibatch SGD (AMOS feeds its slots the exact gradient), cannot fill a slot.
        Assert.Equal("secondOrder", Assert.Throws<ArgumentException>(() => new TorchAmos(settings, new Sgd(0.1), new WithoutTensorRule())).ParamName);
        Assert.Equal("firstOrder", Assert.Throws<ArgumentException>(() => new TorchAmos(settings, new Sgd(0.1, batchSize: 2), new Sgd(0.1))).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => TorchCoordinatewise.Start(new WithoutTensorRule(), theta)).ParamName);
        Assert.False(TorchCoordinatewise.HasTensorRule(new WithoutTensorRule()));
    }

    /// <summary>A user-defined OPT with its own tensor rule (<see cref="ITorchCoordinatewise"/>) plugs in.</summary>
    [Fact]
    public void UserDefinedOptimizer_PlugsIn()
    {
        var c = TorchOptimizerCase.Random(7, 3);
        using var scope = NewDisposeScope();
        var settings = new AmosSettings(0.005, AlphaL: 0.7);
        using var run = new TorchAmos(settings, new HalfGradient(), new HalfGradient()).Start(c.Function(ScalarType.Float64), TensorConvert.Vector(c.Theta, ScalarType.Float64));
        var theta0 = TensorConvert.ToDoubles(run.Theta);
        var step = TensorConvert.ToDoubles(run.Step());
        var g = c.Reference.Gradient(c.Theta);
        // Δθ = −½∇f(θ₀) on every coordinate, whichever slot owns it; autograd vs closed form: ≤ 16 ulp of the terms (≤ 10 here).
        for (int i = 0; i < 3; i++)
            Assert.True(Math.Abs(step[i] + 0.5 * g[i]) <= Tolerances.Torch.AutogradFloat64 * 10, $"i = {i}: {step[i]:R} vs {-0.5 * g[i]:R}");
        Assert.Equal(theta0.Zip(step, (a, b) => a + b), TensorConvert.ToDoubles(run.Theta));
    }

    /// <summary>Δθ = −½∇f on the owned coordinates, with both a reference rule and a tensor rule.</summary>
    private sealed class HalfGradient : CoordinatewiseOptimizer, ITorchCoordinatewise
    {
        public override string Name => "half-gradient";

        public ITorchCoordinatewiseRule StartTensorRule(Tensor theta) => new TensorRule();

        protected override ICoordinatewiseRule CreateCoordinates(int dimension) => new Rule();

        private sealed class Rule : ICoordinatewiseRule
        {
            public void Step(Vector<double> gradient, Func<Vector<double>> hessianDiagonal, IReadOnlyList<int> owned, Vector<double> delta)
            {
                foreach (int i in owned)
                    delta[i] = -0.5 * gradient[i];
            }
        }

        private sealed class TensorRule : ITorchCoordinatewiseRule
        {
            public Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned) => gradient.Times(-0.5);

            public void Dispose()
            {
            }
        }
    }

    /// <summary>A coordinatewise optimizer with a reference rule only.</summary>
    private sealed class WithoutTensorRule : CoordinatewiseOptimizer
    {
        public override string Name => "reference-only";

        protected override ICoordinatewiseRule CreateCoordinates(int dimension) => throw new NotSupportedException();
    }
}
