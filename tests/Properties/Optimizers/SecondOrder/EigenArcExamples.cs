using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// EigenARC (elmo-amos Alg. 3, App. J.1) lines 4–18 on examples where ASSESS_LIPSCHITZ has a closed form, so every
/// branch, loop bound and boundary can be followed by hand; plus the settings' ranges, the rejected arguments and the
/// adapted-constants oracle a run hands to BASE_OPT.
/// </summary>
/// <remarks>
/// The examples: f(θ) = Σ_i (−θ_i + (c_i/6)θ_i³) at θ = 0, where ∇f = (−1, …, −1) and H = 0, so every eigenvalue is 0,
/// v_i = e_i and ELMO's step (eq. 7) is x_i = √(2|g_i|/L_i) = √(2/L_i). Along e_i the pessimistic model (eq. 3)
/// promises −M(x_i) = x_i − (L_i/6)x_i³ = (2/3)x_i and f falls by x_i − (c_i/6)x_i³ = x_i(1 − c_i/(3L_i)), so
/// ASSESS(L) = Σ_i x_i(1 − c_i/(3L_i)) / Σ_i (2/3)x_i; in one dimension ASSESS(L) = 3/2 − c/(2L).
/// With the default η₁ = 1, η₂ = 5/4, γ₁ = 2, γ₂ = ½ every example below keeps ASSESS at least 0.03 away from η₁ and η₂.
/// </remarks>
public class EigenArcExamples
{
    /// <summary>ASSESS is a quotient of sums of a few ≤ 4-ulp terms of size ≤ 3 without cancellation: 1e-12 absolute.</summary>
    private const double AssessTolerance = 1e-12;

    private static Vector<double> Of(params double[] values) => Vector<double>.Build.DenseOfArray(values);

    /// <summary>f(θ) = Σ_i (−θ_i + (c_i/6)θ_i³).</summary>
    private sealed class LinearPlusCubic(params double[] c) : IObjective
    {
        public string Name => "Σ −θ_i + (c_i/6)θ_i³";

        public int Dimension => c.Length;

        public double Value(Vector<double> theta)
        {
            Check(theta);
            double sum = 0;
            for (int i = 0; i < c.Length; i++)
                sum += -theta[i] + c[i] / 6 * theta[i] * theta[i] * theta[i];
            return sum;
        }

        public Vector<double> Gradient(Vector<double> theta)
        {
            Check(theta);
            return Vector<double>.Build.Dense(c.Length, i => -1 + c[i] / 2 * theta[i] * theta[i]);
        }

        public Matrix<double> Hessian(Vector<double> theta)
        {
            Check(theta);
            return Matrix<double>.Build.DiagonalOfDiagonalVector(Vector<double>.Build.Dense(c.Length, i => c[i] * theta[i]));
        }

        private void Check(Vector<double> theta)
        {
            if (theta.Count != c.Length || !theta.All(double.IsFinite))
                throw new ArgumentException("θ must be finite and of the objective's dimension.", nameof(theta));
        }
    }

    /// <summary>f(θ) = −θ on θ ≤ 0 and undefined (NaN) above: ELMO's trial step from 0 always leaves the domain, ASSESS = −∞.</summary>
    private sealed class LinearOnNonPositives(int dimension) : IObjective
    {
        public string Name => "−Σθ on θ ≤ 0";

        public int Dimension => dimension;

        public double Value(Vector<double> theta) => theta.All(v => v <= 0) ? -theta.Sum() : double.NaN;

        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(dimension, -1);

        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.Dense(dimension, dimension);
    }

    private static EigenArcAdjustment Adjust(EigenArcSettings settings, IObjective f, params double[] lipschitz)
    {
        var theta = Vector<double>.Build.Dense(f.Dimension);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        // The examples' premise: v_i = e_i in this order (H = 0, ∇f = −1, eq. 1's orientation ∇fᵀv_i ≤ 0).
        Assert.Equal(Matrix<double>.Build.DenseIdentity(f.Dimension), eigen.Vectors);
        return new EigenArc(settings).Adjust(f, theta, eigen, Of(lipschitz));
    }

    /// <summary>ASSESS_LIPSCHITZ at θ = 0, to place η₁ exactly on a value the algorithm will meet.</summary>
    private static double Ratio(IObjective f, params double[] lipschitz)
    {
        var theta = Vector<double>.Build.Dense(f.Dimension);
        return AssessLipschitz.Ratio(f, theta, SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta)), Of(lipschitz));
    }

    private static EigenArcAdjustment Adjust(IObjective f, params double[] lipschitz) => Adjust(new EigenArcSettings(), f, lipschitz);

    private static void AssertAssess(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= AssessTolerance, $"ASSESS: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Settings_RejectEachOutOfRangeConstant_NamingIt()
    {
        ArgumentAssert.Rejects(() => new EigenArcSettings(Gamma1: 1).Validated(), "Gamma1", "Gamma1 must be > 1, got 1.");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Gamma1: double.NaN).Validated(), "Gamma1", "Gamma1 must be finite");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Gamma2: 1).Validated(), "Gamma2", "Gamma2 must lie in (0, 1), got 1.");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Gamma2: 0).Validated(), "Gamma2", "Gamma2 must be > 0");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Eta1: 0).Validated(), "Eta1", "Eta1 must be > 0");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Eta1: 1, Eta2: 0.5).Validated(), "Eta2", "Eta2 must be ≥ Eta1 = 1, got 0.5.");
        ArgumentAssert.Rejects(() => new EigenArcSettings(Eta2: double.PositiveInfinity).Validated(), "Eta2", "Eta2 must be finite");
        ArgumentAssert.Rejects(() => new EigenArcSettings(L0: 0).Validated(), "L0", "L0 must be > 0");
        ArgumentAssert.Rejects(() => new EigenArcSettings(MaxAdjustments: 0).Validated(), "MaxAdjustments", "MaxAdjustments must be ≥ 1, got 0.");
        // The constructor validates too.
        ArgumentAssert.Rejects(() => new EigenArc(new EigenArcSettings(Gamma2: 2)), "Gamma2", "Gamma2 must lie in (0, 1)");
    }

    /// <summary>The closed ends: η₂ = η₁ (no kept band but its boundary) and a single adjustment per loop are allowed.</summary>
    [Fact]
    public void Settings_AcceptTheClosedEnds()
    {
        var settings = new EigenArcSettings(Gamma1: Math.BitIncrement(1.0), Gamma2: Math.BitDecrement(1.0), Eta1: 0.5, Eta2: 0.5, L0: double.Epsilon, MaxAdjustments: 1);
        Assert.Same(settings, settings.Validated());
        Assert.Equal(new EigenArcSettings(), new EigenArc().Settings);
    }

    [Fact]
    public void Adjust_RejectsBadArguments_NamingThem()
    {
        var f = new LinearPlusCubic(3);
        var theta = Of(0);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        var arc = new EigenArc();
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => arc.Adjust(null!, theta, eigen, Of(1))).ParamName);
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => arc.Adjust(f, theta, null!, Of(1))).ParamName);
        ArgumentAssert.Rejects(() => arc.Adjust(f, theta, eigen, Of(0)), "lipschitz", "lipschitz[0] must be > 0");
        ArgumentAssert.Rejects(() => arc.Adjust(f, theta, eigen, Of(1, 1)), "lipschitz", "lipschitz has length 2, expected 1");
        Assert.Equal("lipschitz", Assert.Throws<ArgumentNullException>(() => arc.Adjust(f, theta, eigen, null!)).ParamName);
    }

    /// <summary>Line 4–5: c = 3, L = 8: ASSESS = 3/2 − 3/16 = 21/16 &gt; η₂, so L ← γ₂·L = 4, where ASSESS = 9/8.</summary>
    [Fact]
    public void OverlyConservativeConstant_IsScaledByGamma2()
    {
        var adj = Adjust(new LinearPlusCubic(3), 8);
        Assert.Equal(EigenArcBranch.Conservative, adj.Branch);
        Assert.Equal(Of(8), adj.Before);
        Assert.Equal(Of(4), adj.After);
        AssertAssess(21.0 / 16, adj.AssessBefore);
        AssertAssess(9.0 / 8, adj.AssessAfter);
        Assert.False(adj.Capped);
    }

    /// <summary>c = 3, L = 4: ASSESS = 9/8 ∈ [η₁, η₂]: L is kept and ASSESS after equals ASSESS before.</summary>
    [Fact]
    public void PassingConstant_IsKept()
    {
        var adj = Adjust(new LinearPlusCubic(3), 4);
        Assert.Equal(EigenArcBranch.Kept, adj.Branch);
        Assert.Equal(Of(4), adj.After);
        AssertAssess(9.0 / 8, adj.AssessBefore);
        Assert.Equal(adj.AssessBefore, adj.AssessAfter);
        Assert.False(adj.Capped);
    }

    /// <summary>
    /// ASSESS exactly on η₁ or η₂ keeps L (line 4 needs ASSESS &gt; η₂, line 7 ASSESS &lt; η₁); the thresholds are set to the
    /// ASSESS this example computes (c = 3, L = 4: 9/8), so the comparison is exact.
    /// </summary>
    [Fact]
    public void AssessmentOnAThreshold_KeepsTheConstants()
    {
        double assess = Adjust(new LinearPlusCubic(3), 4).AssessBefore;
        var onEta2 = Adjust(new EigenArcSettings(Eta1: 1, Eta2: assess), new LinearPlusCubic(3), 4);
        Assert.Equal(EigenArcBranch.Kept, onEta2.Branch);
        Assert.Equal(Of(4), onEta2.After);
        var onEta1 = Adjust(new EigenArcSettings(Eta1: assess, Eta2: 2), new LinearPlusCubic(3), 4);
        Assert.Equal(EigenArcBranch.Kept, onEta1.Branch);
        Assert.Equal(Of(4), onEta1.After);
    }

    /// <summary>
    /// Lines 7–16 in one dimension, c = 3 from L = 1 (ASSESS = 0): raised to 2 (3/4), to 4 (9/8 passes); line 12 lowers to 2,
    /// which fails, and line 15 raises it back: L = 4. From L = 1/64 the same bracket is reached after 8 raises.
    /// </summary>
    [Fact]
    public void LiberalConstant_IsRaisedUntilItPasses()
    {
        foreach (double start in new[] { 1.0, 1.0 / 64 })
        {
            var adj = Adjust(new LinearPlusCubic(3), start);
            Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
            Assert.Equal(Of(start), adj.Before);
            Assert.Equal(Of(4), adj.After);
            AssertAssess(1.5 - 1.5 / start, adj.AssessBefore);
            AssertAssess(9.0 / 8, adj.AssessAfter);
            Assert.False(adj.Capped);
        }
    }

    /// <summary>
    /// The raising loop's cap: with MaxAdjustments = 2 the two raises 1 → 2 → 4 are allowed (not capped); with 1 the
    /// second is refused, L stays at 2 (ASSESS 3/4) and nothing is lowered.
    /// </summary>
    [Fact]
    public void RaisingLoop_StopsAtMaxAdjustments()
    {
        var two = Adjust(new EigenArcSettings(MaxAdjustments: 2), new LinearPlusCubic(3), 1);
        Assert.Equal(Of(4), two.After);
        Assert.False(two.Capped);
        var one = Adjust(new EigenArcSettings(MaxAdjustments: 1), new LinearPlusCubic(3), 1);
        Assert.Equal(EigenArcBranch.Liberal, one.Branch);
        Assert.Equal(Of(2), one.After);
        AssertAssess(0.75, one.AssessAfter);
        Assert.True(one.Capped);
    }

    /// <summary>
    /// Line 8 as printed ("while ASSESS &gt; η₁" right after ASSESS &lt; η₁) never raises, and no lowering passes, so lines
    /// 11–16 only multiply L by γ₁ once: c = 3, L = 1 → 2 (ASSESS 3/4, still failing).
    /// </summary>
    [Fact]
    public void Line8AsPrinted_OnlyMultipliesByGamma1()
    {
        var adj = Adjust(new EigenArcSettings(Line8AsPrinted: true), new LinearPlusCubic(3), 1);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        Assert.Equal(Of(2), adj.After);
        AssertAssess(0.75, adj.AssessAfter);
        Assert.False(adj.Capped);
    }

    /// <summary>
    /// Two eigenspaces, c = (0.3, 3), L = (1, 1): ASSESS = 0.675 &lt; η₁. One raise to (2, 2) passes (x = (1, 1):
    /// (0.95 + 0.5)/(4/3) = 1.0875). Line 12 lowers L_1 to 1 (x_1 = √2: 1.10…) and ½ (x_1 = 2: (1.6 + 0.5)/2 = 1.05) but
    /// not ¼ (0.86…), so L_1 = ½; lowering L_2 to 1 gives 0.70… and is undone: L = (½, 2), ASSESS 1.05.
    /// </summary>
    [Fact]
    public void LiberalConstants_AreLoweredOneEigenspaceAtATime()
    {
        var adj = Adjust(new LinearPlusCubic(0.3, 3), 1, 1);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        AssertAssess(0.675, adj.AssessBefore);
        Assert.Equal(Of(0.5, 2), adj.After);
        AssertAssess(1.05, adj.AssessAfter);
        Assert.False(adj.Capped);
    }

    /// <summary>
    /// The lowering loop's cap: c = (0, 2.5), L = (1, 1): ASSESS = 3/2 − 2.5/4 = 0.875; one raise to (2, 2) passes (1.1875).
    /// Eigenspace 1 is linear, so lowering L_1 never fails: with MaxAdjustments = 3 it stops at 2/2³ = ¼ and is not
    /// raised back (line 15 undoes only a failed reduction). L_2 = 1 then passes (x = (2√2, √2):
    /// (2√2 + √2/6)/((2/3)·3√2) = 13/12) and ½ fails (0.46…): L = (¼, 1), capped.
    /// </summary>
    [Fact]
    public void LoweringLoop_StopsAtMaxAdjustments_WithoutUndoing()
    {
        var adj = Adjust(new EigenArcSettings(MaxAdjustments: 3), new LinearPlusCubic(0, 2.5), 1, 1);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        AssertAssess(0.875, adj.AssessBefore);
        Assert.Equal(Of(0.25, 1), adj.After);
        AssertAssess(13.0 / 12, adj.AssessAfter);
        Assert.True(adj.Capped);
    }

    /// <summary>
    /// Line 5 where γ₂·L is no longer a normal double: on a linear f ASSESS = 3/2 &gt; η₂ for every L, and with
    /// L = (1, 2^-1022) the lowered (½, 2^-1023) has a subnormal entry, so nothing is lowered and the pass is capped.
    /// With L = (1, 2^-1021) it is lowered as usual.
    /// </summary>
    [Fact]
    public void ConservativeBranch_KeepsConstantsThatWouldLeaveTheNormalRange()
    {
        var f = new LinearPlusCubic(0, 0);
        double smallest = BitConverter.Int64BitsToDouble(1L << 52); // 2^-1022, the least normal double
        var capped = Adjust(f, 1, smallest);
        Assert.Equal(EigenArcBranch.Conservative, capped.Branch);
        Assert.Equal(Of(1, smallest), capped.After);
        Assert.True(capped.Capped);
        AssertAssess(1.5, capped.AssessBefore);
        var lowered = Adjust(f, 1, 2 * smallest);
        Assert.Equal(Of(0.5, smallest), lowered.After);
        Assert.False(lowered.Capped);
    }

    /// <summary>
    /// The raising loop where γ₁·L overflows: f is undefined at every trial point (ASSESS = −∞ &lt; η₁ for every L), and
    /// with L = (1, double.MaxValue/1.5) the raised constants have an infinite entry: nothing is raised, the pass is capped.
    /// With a representable raise the loop runs into MaxAdjustments instead (L = (2, 2) after MaxAdjustments = 1).
    /// </summary>
    [Fact]
    public void RaisingLoop_KeepsConstantsThatWouldOverflow()
    {
        var f = new LinearOnNonPositives(2);
        var theta = Vector<double>.Build.Dense(2);
        var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
        var big = new EigenArc().Adjust(f, theta, eigen, Of(1, double.MaxValue / 1.5));
        Assert.Equal(EigenArcBranch.Liberal, big.Branch);
        Assert.Equal(double.NegativeInfinity, big.AssessBefore);
        Assert.Equal(Of(1, double.MaxValue / 1.5), big.After);
        Assert.True(big.Capped);
        var once = new EigenArc(new EigenArcSettings(MaxAdjustments: 1)).Adjust(f, theta, eigen, Of(1, 1));
        Assert.Equal(Of(2, 2), once.After);
        Assert.True(once.Capped);
    }

    /// <summary>
    /// Line 15's raise where γ₁·L overflows: f = −θ + (c/6)θ³ with c = double.MaxValue, L = double.MaxValue/1.5, so
    /// x* = √(2/L) and ASSESS = 3/2 − c/(2L) = 3/4 &lt; η₁; line 8 as printed never raises and no lowering passes, so line 15
    /// would double L beyond the range: L is kept and the pass says so (Capped). Before stop 43 Capped was false, as if L had
    /// been raised (this example failed on that code).
    /// </summary>
    [Fact]
    public void Line15Raise_ThatWouldOverflow_KeepsTheConstantAndSetsCapped()
    {
        var f = new RoundedSeparableCubic(0, [0], [-1], [0], [double.MaxValue]);
        var adj = Adjust(new EigenArcSettings(Line8AsPrinted: true), f, double.MaxValue / 1.5);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        AssertAssess(0.75, adj.AssessBefore);
        Assert.Equal(Of(double.MaxValue / 1.5), adj.After);
        Assert.True(adj.Capped);
    }

    /// <summary>
    /// Line 8 stops as soon as ASSESS reaches η₁ (a loop "while ASSESS &lt; η₁"): with η₁ set to ASSESS(2, 2) of
    /// c = (0.3, 3), the raise from (1, 1) stops at (2, 2). Line 12 then fails at once in both eigenspaces
    /// (ASSESS(2, 2) = η₁ is not &gt; η₁), so line 15 raises each: L = (4, 4); one raise further, to (4, 4), would have
    /// let line 12 lower L_1 (ASSESS(2, 4) = 1.30… &gt; η₁).
    /// </summary>
    [Fact]
    public void RaisingLoop_StopsWhereAssessmentEqualsEta1()
    {
        var f = new LinearPlusCubic(0.3, 3);
        double eta1 = Ratio(f, 2, 2);
        Assert.True(Math.Abs(eta1 - 1.0875) <= AssessTolerance, $"ASSESS(2, 2) = {eta1:R}");
        var adj = Adjust(new EigenArcSettings(Eta1: eta1, Eta2: 2), f, 1, 1);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        Assert.Equal(Of(4, 4), adj.After);
        Assert.False(adj.Capped);
    }

    /// <summary>
    /// Line 12 lowers only while ASSESS &gt; η₁: with η₁ set to ASSESS(½, 2) = 1.05 of c = (0.3, 3), the raise from (1, 1)
    /// stops at (2, 2) (1.0875), L_1 is lowered to 1 (1.10…) and to ½, where ASSESS = η₁ no longer passes, so line 15
    /// restores 1; lowering L_2 to 1 gives 0.675 and is undone: L = (1, 2).
    /// </summary>
    [Fact]
    public void LoweringLoop_StopsWhereAssessmentEqualsEta1()
    {
        var f = new LinearPlusCubic(0.3, 3);
        double eta1 = Ratio(f, 0.5, 2);
        Assert.True(Math.Abs(eta1 - 1.05) <= AssessTolerance, $"ASSESS(½, 2) = {eta1:R}");
        var adj = Adjust(new EigenArcSettings(Eta1: eta1, Eta2: 2), f, 1, 1);
        Assert.Equal(Of(1, 2), adj.After);
        Assert.False(adj.Capped);
    }

    /// <summary>
    /// Line 15 raises L_i back only where γ₁·L_i is representable: c = 2^1023 in one dimension has
    /// ASSESS(L) = 3/2 − 2^1022/L, so from L = 2^1021 (−½) the raise stops at 2^1023 with η₁ set to ASSESS(2^1023) (= 1);
    /// line 12 does not run, and 2·2^1023 overflows, so L stays at 2^1023 (a finite constant, not +∞) and, since stop 43,
    /// the pass says so (Capped; before, Capped was false as if the raise had happened).
    /// </summary>
    [Fact]
    public void LineFifteen_DoesNotRaiseBeyondDoubleRange()
    {
        double top = Math.ScaleB(1, 1023);
        var f = new LinearPlusCubic(top);
        double eta1 = Ratio(f, top);
        Assert.True(Math.Abs(eta1 - 1) <= AssessTolerance, $"ASSESS(2^1023) = {eta1:R}");
        var adj = Adjust(new EigenArcSettings(Eta1: eta1, Eta2: 2), f, top / 4);
        Assert.Equal(EigenArcBranch.Liberal, adj.Branch);
        AssertAssess(-0.5, adj.AssessBefore);
        Assert.Equal(Of(top), adj.After);
        Assert.Equal(eta1, adj.AssessAfter);
        Assert.True(adj.Capped);
    }

    /// <summary>A BASE_OPT factory that returns null is a programming error, reported with the base's name.</summary>
    [Fact]
    public void BaseOptimizerFactoryReturningNull_IsAnInvalidOperation()
    {
        var broken = new EigenArcBaseOptimizer("broken", _ => null!);
        var e = Assert.Throws<InvalidOperationException>(() => broken.Create(new ConstantLipschitz(1)));
        Assert.Contains("'broken'", e.Message, StringComparison.Ordinal);
        Assert.Same(EigenArcBaseOptimizer.Elmo, new EigenArc(null, null).BaseOptimizer);
        ArgumentAssert.Rejects(() => new EigenArcBaseOptimizer(" ", _ => new GradientDescent(1)), "name", "name must not be empty.");
    }

    /// <summary>
    /// A run: (L_0^i) = L0 before the first step, line 3's eigensystem and lines 4–18's record after it, the constants
    /// carried to the next step, and the oracle BASE_OPT reads returns a copy of exactly those constants.
    /// </summary>
    [Fact]
    public void Run_CarriesTheAdaptedConstants_ToBaseOpt()
    {
        ILipschitzOracle? oracle = null;
        var capture = new EigenArcBaseOptimizer("capture", o =>
        {
            oracle = o;
            return new GradientDescent(1e-3);
        });
        var f = new LinearPlusCubic(3);
        var run = (EigenArc.EigenArcRun)new EigenArc(new EigenArcSettings(L0: 8), capture).Start(f, Of(0));
        Assert.NotNull(oracle);
        Assert.Equal("eigen-arc", oracle!.Name);
        Assert.Equal(0, run.Iteration);
        Assert.Null(run.Last);
        Assert.Null(run.LastEigen);
        Assert.Equal(Of(8), run.Lipschitz);
        var step = run.Step();
        Assert.Equal(1, run.Iteration);
        Assert.Equal(new[] { 0.0 }, run.LastEigen!.Values); // H(0) = 0
        Assert.Equal(EigenArcBranch.Conservative, run.Last!.Branch); // c = 3, L = 8: 21/16 > η₂
        Assert.Equal(Of(4), run.Lipschitz);
        Assert.Equal(Of(1e-3), step); // gradient descent's −η∇f(0) = η
        Assert.Equal(step, run.Theta);
        var eigen = SymmetricEigen.Decompose(f.Hessian(Of(0)), f.Gradient(Of(0)));
        var read = oracle.Estimate(f, Of(0), eigen);
        Assert.Equal(Of(4), read);
        read[0] = 100;
        Assert.Equal(Of(4), run.Lipschitz);
        Assert.Equal("eigen", Assert.Throws<ArgumentNullException>(() => oracle.Estimate(f, Of(0), null!)).ParamName);
        var wide = new LinearPlusCubic(3, 3);
        var twoDimensional = SymmetricEigen.Decompose(wide.Hessian(Of(0, 0)), wide.Gradient(Of(0, 0)));
        ArgumentAssert.Rejects(() => oracle.Estimate(wide, Of(0, 0), twoDimensional), "eigen", "eigen has length 2, expected 1");
        // The second step starts from the constants the first left (4: ASSESS at θ = 10⁻³ is near 9/8, kept).
        run.Step();
        Assert.Equal(Of(4), run.Last!.Before);
        Assert.Equal(2, run.Iteration);
    }
}
