using Verification.Optimizers.Reference;
using Verification.Optimizers.Torch;
using Verification.Tests.Properties.Torch;
using Xunit;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.OptimizersTorch;

/// <summary>
/// The tensor AMOS with pluggable OPT¹ / OPT² against the reference <see cref="Amos"/>, over several steps, for every
/// pairing of the element-wise optimizers that have a tensor twin (SGD, diagonal Sophia, Sophia refreshing every 2nd
/// step), every assignment granularity and I_hess = every step or every 2nd. The tolerance is derived per operation and
/// carried along the run (<see cref="AmosDivergenceBound"/>): float64 in 𝐮 = 2⁻⁵³, float32 in 𝐮 = 2⁻²⁴ with the data
/// rounded once; the test allows twice the first-order bound. Assignments must agree exactly (the bound certifies them).
/// </summary>
public class TorchAmosExamples
{
    private const int Steps = 8;

    /// <summary>L_thresh: low enough that the cubic term's eigenvalue slopes (|c|u_i²|Δs|/‖Δθ‖ ≈ 1e-3…1e-2 here) reach it, so both slots are used.</summary>
    private const double Threshold = 0.001;

    /// <summary>The first-order bound is doubled to cover the dropped products of drifts (see <see cref="AmosDivergenceBound"/>).</summary>
    private const double BoundFactor = 2;

    /// <summary>float64 unit roundoff 2⁻⁵³.</summary>
    private const double Float64Unit = TorchTolerances.DoubleUlp / 2;

    /// <summary>float32 unit roundoff 2⁻²⁴: the looser float32 bound is the same derivation in this unit, plus the rounded data.</summary>
    private const double Float32Unit = TorchTolerances.SingleUlp / 2;

    private static IElementwiseOptimizer Inner(string name) => name switch
    {
        "sgd" => new ElementwiseSgd(0.05),
        "sophia" => new SophiaDiagonal(0.05, rho: 0.5),
        "sophia/2" => new SophiaDiagonal(0.05, rho: 0.5, hessianEvery: 2),
        _ => throw new ArgumentException($"unknown inner optimizer '{name}'.", nameof(name)),
    };

    /// <summary>(problem seed, n, OPT¹, OPT², assignment, I_hess period): each pluggable choice in each slot.</summary>
    public static TheoryData<int, int, string, string, AmosAssignment, int> Cases => new()
    {
        { 1, 3, "sgd", "sophia", AmosAssignment.PerCoordinate, 1 },
        { 2, 4, "sophia", "sgd", AmosAssignment.PerCoordinate, 1 },
        { 3, 4, "sgd", "sgd", AmosAssignment.PerTensorMean, 1 },
        { 4, 3, "sophia", "sophia", AmosAssignment.PerTensorMax, 2 },
        { 5, 5, "sgd", "sophia/2", AmosAssignment.PerCoordinate, 2 },
        { 6, 4, "sophia/2", "sophia", AmosAssignment.PerCoordinate, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_Cpu_MatchesReferenceWithinDerivedBound(int seed, int n, string first, string second, AmosAssignment mode, int every) =>
        AssertAgreement(seed, n, first, second, mode, every, ScalarType.Float64, CPU);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_Cpu_MatchesReferenceWithinDerivedBound(int seed, int n, string first, string second, AmosAssignment mode, int every) =>
        AssertAgreement(seed, n, first, second, mode, every, ScalarType.Float32, CPU);

    [CudaFact]
    public void Float64_Cuda_MatchesReferenceWithinDerivedBound()
    {
        foreach (var row in Cases)
            AssertAgreement((int)row[0], (int)row[1], (string)row[2], (string)row[3], (AmosAssignment)row[4], (int)row[5], ScalarType.Float64, CUDA);
    }

    [CudaFact]
    public void Float32_Cuda_MatchesReferenceWithinDerivedBound()
    {
        foreach (var row in Cases)
            AssertAgreement((int)row[0], (int)row[1], (string)row[2], (string)row[3], (AmosAssignment)row[4], (int)row[5], ScalarType.Float32, CUDA);
    }

    private static void AssertAgreement(int seed, int n, string first, string second, AmosAssignment mode, int every, ScalarType type, Device device)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        int[][]? tensors = mode == AmosAssignment.PerCoordinate ? null : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        var settings = new AmosSettings(Threshold, AlphaL: 0.7, HessianEvery: every, Assignment: mode, Tensors: tensors);
        IElementwiseOptimizer one = Inner(first), two = Inner(second);
        var reference = (Amos.AmosRun)new Amos(one, two, settings).Start(c.Reference, c.Theta);
        var bound = new AmosDivergenceBound(c, settings, one, two, type == ScalarType.Float64 ? Float64Unit : Float32Unit, roundsData: type == ScalarType.Float32);
        using var scope = NewDisposeScope();
        using var run = new TorchAmos(settings, one, two).Start(c.Function(type, device), TensorConvert.Vector(c.Theta, type, device));
        bool sawFirst = false, sawSecond = false;
        for (int t = 0; t < Steps; t++)
        {
            var before = reference.Theta;
            reference.Step();
            run.Step();
            bound.Advance(before, reference.Theta, reference.UsesFirstOrder, reference.Lipschitz);
            var assigned = TensorConvert.ToDoubles(run.UsesFirstOrder.to_type(ScalarType.Float64)).Select(x => x != 0).ToArray();
            Assert.True(reference.UsesFirstOrder.SequenceEqual(assigned),
                $"t = {t}: reference OPT¹ [{string.Join(",", reference.UsesFirstOrder)}], tensor [{string.Join(",", assigned)}]");
            sawFirst |= assigned.Any(b => b);
            sawSecond |= assigned.Any(b => !b);
            var expected = reference.Theta.ToArray();
            TorchTolerances.AssertClose($"{type} {device.type} θ_{t + 1} ({first}|{second}, {mode}, k = {every})", expected, TensorConvert.ToDoubles(run.Theta),
                TorchTolerances.Uniform(n, 1), BoundFactor * bound.Drift, i => $"θ₀ = [{string.Join(", ", c.Theta)}]");
        }
        // Not a property of AMOS but of this table's reach: each case must exercise both OPT¹ and OPT².
        Assert.True(sawFirst && sawSecond, $"case {seed} never used {(sawFirst ? "OPT²" : "OPT¹")}");
    }

    /// <summary>
    /// The drift bound is not vacuous: over the float64 table it stays at the scale of rounding (≤ 1e-9 of |θ|), so the
    /// agreement above is ulp-level, not a loose catch-all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_DerivedBound_StaysAtRoundingScale(int seed, int n, string first, string second, AmosAssignment mode, int every)
    {
        var c = TorchOptimizerCase.Random(seed, n);
        int[][]? tensors = mode == AmosAssignment.PerCoordinate ? null : [Enumerable.Range(0, n / 2).ToArray(), Enumerable.Range(n / 2, n - n / 2).ToArray()];
        var settings = new AmosSettings(Threshold, AlphaL: 0.7, HessianEvery: every, Assignment: mode, Tensors: tensors);
        IElementwiseOptimizer one = Inner(first), two = Inner(second);
        var reference = (Amos.AmosRun)new Amos(one, two, settings).Start(c.Reference, c.Theta);
        var bound = new AmosDivergenceBound(c, settings, one, two, Float64Unit, roundsData: false);
        for (int t = 0; t < Steps; t++)
        {
            var before = reference.Theta;
            reference.Step();
            bound.Advance(before, reference.Theta, reference.UsesFirstOrder, reference.Lipschitz);
        }
        double scale = System.Math.Max(1, reference.Theta.AbsoluteMaximum());
        Assert.True(bound.Drift <= 1e-9 * scale, $"bound {bound.Drift:R} for |θ| ≤ {scale:R}");
    }

    [Fact]
    public void Hutchinson_ManyParameters_RunsFinite()
    {
        // n = 300 > DenseLimit: the diagonal comes from seeded Rademacher HVPs; f = ½Σ d_i θ_i² + (0.1/6)(Σθ_i/√n)³.
        const int n = 300;
        using var scope = NewDisposeScope();
        var d = linspace(-1, 2, n, dtype: ScalarType.Float64);
        var u = ones(n, dtype: ScalarType.Float64) / System.Math.Sqrt(n);
        Func<Tensor, Tensor> f = x => 0.5 * (d * x * x).sum() + 0.1 / 6 * u.dot(x).pow(3);
        var settings = new AmosSettings(1e-3, AlphaL: 0.5, Assignment: AmosAssignment.PerTensorMean,
            Tensors: [Enumerable.Range(0, 100).ToArray(), Enumerable.Range(100, 200).ToArray()]);
        using var run = new TorchAmos(settings, new ElementwiseSgd(0.01), new SophiaDiagonal(0.01), denseLimit: 16, hutchinsonSamples: 4, seed: 3)
            .Start(f, full(n, 0.5, dtype: ScalarType.Float64));
        for (int t = 0; t < 4; t++)
            run.Step();
        Assert.True(isfinite(run.Theta).all().item<bool>());
        Assert.True(run.Lipschitz.ge(0).all().item<bool>());
    }

    [Fact]
    public void RejectsBadInput()
    {
        var settings = new AmosSettings(0.1, Tensors: [[0], [0]], Assignment: AmosAssignment.PerTensorMean);
        var c = TorchOptimizerCase.Random(1, 2);
        using var theta = TensorConvert.Vector(c.Theta, ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new TorchAmos(settings, new ElementwiseSgd(0.1), new SophiaDiagonal(0.1)).Start(c.Function(ScalarType.Float64), theta));
        Assert.Equal("Tensors", e.ParamName);
        Assert.Throws<ArgumentException>(() => new AmosSettings(-1).Validated());
        var eigen = new AmosSettings(0.1, Basis: AmosCurvatureBasis.HessianEigenspaces);
        Assert.Equal("settings", Assert.Throws<ArgumentException>(() => new TorchAmos(eigen, new ElementwiseSgd(0.1), new SophiaDiagonal(0.1))).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => TorchElementwise.Of(new UnknownElementwise())).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentException>(() => new TorchSophiaDiagonal(0)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentException>(() => new TorchElementwiseSgd(double.NaN)).ParamName);
    }

    /// <summary>A user-defined OPT: a tensor one plugs in directly, and one without a tensor twin is rejected by <see cref="TorchElementwise.Of"/>.</summary>
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
            Assert.True(System.Math.Abs(step[i] + 0.5 * g[i]) <= TorchTolerances.AutogradFloat64 * 10, $"i = {i}: {step[i]:R} vs {-0.5 * g[i]:R}");
        Assert.Equal(theta0.Zip(step, (a, b) => a + b), TensorConvert.ToDoubles(run.Theta));
    }

    private sealed class HalfGradient : ITorchElementwiseOptimizer
    {
        public string Name => "half-gradient";

        public ITorchElementwiseState Start(Tensor theta) => new State();

        private sealed class State : ITorchElementwiseState
        {
            public Tensor Step(Tensor gradient, Func<Tensor> hessianDiagonal, Tensor owned) => -0.5 * gradient;

            public void Dispose()
            {
            }
        }
    }

    private sealed class UnknownElementwise : IElementwiseOptimizer
    {
        public string Name => "unknown";

        public IElementwiseState Start(int dimension) => throw new NotSupportedException();
    }
}
