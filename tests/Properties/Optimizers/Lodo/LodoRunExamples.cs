using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using Verification.Optimizers;
using Verification.Optimizers.Lodo;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Lodo;

/// <summary>
/// LODO's input contracts and run states (lodo.md Algorithm 1; issue 15, item 3): every entry point rejects a bad input
/// with an ArgumentException naming its own parameter and saying what was wrong, a null objective with an
/// ArgumentNullException naming objective; a run driven the wrong way (Step on a Begin run, Accept without Propose,
/// Step after divergence) is refused with an InvalidOperationException that says why; the meta-step counter runs
/// 0, 1, 2, …; and a diverged proposal is reported through the run's iterate, not fed to the sampler.
/// </summary>
public class LodoRunExamples
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static Verification.Optimizers.Lodo.Lodo DenseSgdLodo(double alpha0 = 0.5, double beta = 0.25) =>
        Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(2, alpha0), 0.125, beta, 7);

    /// <summary>An IStepRule that records the step index t and the hypergradient it is fed, and returns a zero step.</summary>
    private sealed class RecordingRule(int parameterCount) : IStepRule
    {
        public List<int> Steps { get; } = [];

        public List<Vector<double>> Hypergradients { get; } = [];

        public int BatchSize => 1;

        public Vector<double> Step(Vector<double> theta, GradientSample sample, int t)
        {
            Steps.Add(t);
            Hypergradients.Add(sample.Gradient.Clone());
            return Vector<double>.Build.Dense(parameterCount);
        }
    }

    [Fact]
    public void Constructor_RejectsAnEmptyMetaName()
    {
        var model = new DensePreconditioner(2, 0.5);
        foreach (var name in new[] { "", "  " })
            ArgumentAssert.Rejects(() => new Verification.Optimizers.Lodo.Lodo(model, 0.5, () => new Sgd(0.1).StartRule(), name, 0),
                "metaName", "metaName must not be empty");
    }

    [Fact]
    public void Factories_RejectANegativeMetaLearningRate_AtConstruction()
    {
        // The meta-optimizer is built lazily per run, so the factory itself must check α before the lambda captures it.
        var model = new DensePreconditioner(2, 0.5);
        ArgumentAssert.Rejects(() => Verification.Optimizers.Lodo.Lodo.WithAdam(model, -1, 0.5, 0), "metaLearningRate", "metaLearningRate must be ≥ 0, got -1");
        ArgumentAssert.Rejects(() => Verification.Optimizers.Lodo.Lodo.WithSgd(model, -1, 0.5, 0), "metaLearningRate", "metaLearningRate must be ≥ 0, got -1");
    }

    [Fact]
    public void Name_CarriesModelBetaMetaAndSeed()
    {
        Assert.Equal("lodo(dense(n=2,α0=0.5),β=0.25,meta=sgd(α=0.125),seed=7)", DenseSgdLodo().Name);
    }

    [Fact]
    public void Start_RejectsANullObjective_AndABadStartingPoint_NamingTheta0()
    {
        var lodo = DenseSgdLodo();
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(0, 0));
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => lodo.Start(null!, V(1, 2))).ParamName);
        ArgumentAssert.Rejects(() => lodo.Start(f, V(1, double.NaN)), "theta0", "theta0[1] must be finite");
        ArgumentAssert.Rejects(() => lodo.Start(f, V(1, 2, 3)), "theta0", "theta0 has length 3, expected 2");
    }

    [Fact]
    public void Begin_RejectsEachBadInput_NamingIt()
    {
        var lodo = DenseSgdLodo();
        var ok = V(1, 2);
        var theta = V(0.5, 0, 0, 0.5);
        ArgumentAssert.Rejects(() => lodo.Begin(ok, ok, V(0.5, 0, double.PositiveInfinity, 0.5)), "theta0", "theta0[2] must be finite");
        ArgumentAssert.Rejects(() => lodo.Begin(ok, ok, V(0.5, 0, 0)), "theta0", "theta0 has length 3, expected 4");
        ArgumentAssert.Rejects(() => lodo.Begin(V(double.NaN, 0), ok, theta), "x0", "x0[0] must be finite");
        ArgumentAssert.Rejects(() => lodo.Begin(V(1, 2, 3), ok, theta), "x0", "x0 has length 3, expected 2");
        ArgumentAssert.Rejects(() => lodo.Begin(ok, V(0, double.NegativeInfinity), theta), "g0", "g0[1] must be finite");
        ArgumentAssert.Rejects(() => lodo.Begin(ok, V(1), theta), "g0", "g0 has length 1, expected 2");
    }

    [Fact]
    public void Accept_NeedsAProposal_AndAFiniteGradientOfTheRightLength()
    {
        var run = DenseSgdLodo().Begin(V(1, 2), V(0, 0));
        var e = Assert.Throws<InvalidOperationException>(() => run.Accept(V(1, 1)));
        Assert.Contains("Accept needs a preceding Propose", e.Message, StringComparison.Ordinal);
        run.Propose();
        ArgumentAssert.Rejects(() => run.Accept(V(double.NaN, 1)), "gradient", "gradient[0] must be finite");
        ArgumentAssert.Rejects(() => run.Accept(V(1, 1, 1)), "gradient", "gradient has length 3, expected 2");
        run.Accept(V(1, 1)); // the proposal is still pending after the refusals
        Assert.Equal(new[] { 1.0, 2.0 }, run.X.ToArray());
    }

    [Fact]
    public void Step_OnARunStartedWithBegin_IsRefused()
    {
        IOptimizerRun run = DenseSgdLodo().Begin(V(1, 2), V(0, 0));
        var e = Assert.Throws<InvalidOperationException>(() => run.Step());
        Assert.Contains("drive it with Propose and Accept", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaSteps_CountFromZero_AndIterationCountsSteps()
    {
        // Algorithm 1: the meta-optimizer's t-th call gets t = 0, 1, 2, … (Adam's bias correction depends on it), fed the
        // hypergradient −g_{t+1}m_tᵀ of the dense model (exact: one rounding per product, same as the code's outer product).
        var model = new DensePreconditioner(2, 0.5);
        var rule = new RecordingRule(model.ParameterCount);
        var lodo = new Verification.Optimizers.Lodo.Lodo(model, 0.0, () => rule, "recorder", 0);
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(0, 0));
        var run = lodo.Start(f, V(1, -2));
        for (int t = 0; t < 3; t++)
            run.Step();
        Assert.Equal(3, run.Iteration);
        Assert.Equal(new[] { 0, 1, 2 }, rule.Steps);
        // Step 1: m₀ = 0 ⇒ zero hypergradient, x₁ = x₀, m₁ = g₁ = x₀ (β = 0, H = I); step 2: x₂ = x₁ − ½m₁ = ½x₀, g₂ = x₂.
        var x0 = V(1, -2);
        Assert.All(rule.Hypergradients[0].ToArray(), h => Assert.Equal(0.0, h));
        Assert.Equal(DensePreconditioner.Vectorize(-(0.5 * x0).OuterProduct(x0)).ToArray(), rule.Hypergradients[1].ToArray());
    }

    [Fact]
    public void DivergedProposal_IsReportedAsTheIterate_NotSampled_AndFurtherStepsAreRefused()
    {
        // G = 1e300·I, β = 0, f = ½‖x‖², x₀ = (1e10, 0): step 1 stays at x₀ (m₀ = 0) and sets m₁ = g₁ = x₀; step 2 proposes
        // x₀ − 1e300·x₀ = (−∞, 0): one entry overflows, the other stays finite. That proposal is left pending (a gradient at
        // it would be refused by the objective), reported as the iterate, and the next step says where the run diverged.
        var lodo = Verification.Optimizers.Lodo.Lodo.WithSgd(new DensePreconditioner(2, 1e300), 0.1, 0.0, 0);
        var f = new Quadratic(Matrix<double>.Build.DenseIdentity(2), V(0, 0));
        var run = lodo.Start(f, V(1e10, 0));
        run.Step();
        Assert.Equal(new[] { 1e10, 0 }, run.Theta.ToArray());
        run.Step();
        Assert.Equal(2, run.Iteration);
        Assert.Equal(double.NegativeInfinity, run.Theta[0]);
        Assert.Equal(0.0, run.Theta[1]);
        var e = Assert.Throws<InvalidOperationException>(() => run.Step());
        Assert.Equal("the run diverged at step 2: x is non-finite.", e.Message);
    }
}
