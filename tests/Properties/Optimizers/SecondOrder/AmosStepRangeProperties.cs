using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// AMOS's run step (elmo-amos Alg. 2, <see cref="Amos.AmosRun.Step"/>) over the whole double range, diagonal basis, a
/// Hessian every step, OPT¹ = SGD(α₁) and OPT² = SGD(α₂): θ₀, the gradients, the Hessian diagonals, α₁, α₂, L_thresh, α_L
/// and ε₂ from subnormals to near MaxValue and ±0. The objective returns (g⁰, diag a) at θ₀ and (g¹, diag b) elsewhere,
/// so two steps have exact references: step 1 records λ = a and gives every coordinate to OPT² (L = 0 is not above
/// L_thresh), Δθ¹ = −α₂·g⁰ correctly rounded; step 2 forms L_i = (1 − α_L)·|b_i − a_i|/(ε₂ + d), d = ‖θ₁ − θ₀‖₂ of the
/// stored iterates (enclosed by a rational square root), which must hold within RunningLipschitz's 6 ulp (12u relative,
/// + 6·2^-1074) with d̂ within its γ_{4n}·d + n·2^-1075 (the Step doc comment); the slopes likewise with α_L = 0; each
/// coordinate must go to OPT¹ exactly when its computed L is above L_thresh (forced where the enclosure of L is on one
/// side), and Δθ²_i = −α·g¹_i of its owner correctly rounded. A rejection is allowed only where an exact SGD step is
/// beyond the range.
/// </summary>
[Properties(MaxTest = 300)]
public class AmosStepRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static readonly Fraction U = ExactDouble.Pow2(-53);

    /// <summary>(g⁰, diag a) at θ₀ bit for bit, (g¹, diag b) at every other point.</summary>
    private sealed class TwoPoints(double[] theta0, double[] g0, double[] a, double[] g1, double[] b) : IObjective
    {
        private bool AtStart(Vector<double> theta) =>
            Enumerable.Range(0, theta0.Length).All(i => BitConverter.DoubleToInt64Bits(theta[i]) == BitConverter.DoubleToInt64Bits(theta0[i]));
        public string Name => "two-points";
        public int Dimension => theta0.Length;
        public double Value(Vector<double> theta) => 0;
        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.DenseOfArray(AtStart(theta) ? g0 : g1);
        public Matrix<double> Hessian(Vector<double> theta) => Matrix<double>.Build.DiagonalOfDiagonalArray(AtStart(theta) ? a : b);
    }

    private static Gen<double> AlphaL { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (1, Gen.Constant(0.99)),
        (2, FullRangeDoubles.Positive.Select(x => x < 1 ? x : 1 / (1 + x))));

    private sealed record Case(double[] Theta0, double[] G0, double[] A, double[] G1, double[] B, double Alpha1, double Alpha2,
        double Threshold, double AlphaL, double Epsilon2)
    {
        private static string S(double[] x) => "(" + string.Join(", ", x.Select(v => v.ToString("R"))) + ")";
        public override string ToString() =>
            $"θ₀ = {S(Theta0)}, g⁰ = {S(G0)}, a = {S(A)}, g¹ = {S(G1)}, b = {S(B)}, α₁ = {Alpha1:R}, α₂ = {Alpha2:R}, L_thresh = {Threshold:R}, α_L = {AlphaL:R}, ε₂ = {Epsilon2:R}";
    }

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from theta0 in FullRangeDoubles.SignedOrOneScale(n)
         from g0 in FullRangeDoubles.SignedOrOneScale(n)
         from a in FullRangeDoubles.SignedOrOneScale(n)
         from g1 in FullRangeDoubles.SignedOrOneScale(n)
         from b in FullRangeDoubles.SignedOrOneScale(n)
         from alpha1 in FullRangeDoubles.Positive
         from alpha2 in FullRangeDoubles.Positive
         from threshold in FullRangeDoubles.NonNegative
         from alphaL in AlphaL
         from epsilon2 in FullRangeDoubles.Positive
         select new Case(theta0, g0, a, g1, b, alpha1, alpha2, threshold, alphaL, epsilon2)).ToArbitrary();

    /// <summary>An enclosure [lo, hi] of √x (x ≥ 0 exact), 2^-50 relative, checked by squaring.</summary>
    private static (Fraction Lo, Fraction Hi) Sqrt(Fraction x)
    {
        if (x == 0)
            return (Fraction.Zero, Fraction.Zero);
        int half = (int)Math.Floor(ExactDouble.FloorLog2(x) / 2.0);
        var scaled = x / ExactDouble.Pow2(2 * half);
        var s = F(Math.Sqrt(ExactDouble.ToDouble(scaled)));
        Fraction lo = s * (1 - ExactDouble.Pow2(-50)), hi = s * (1 + ExactDouble.Pow2(-50));
        if (lo * lo > scaled || hi * hi < scaled)
            throw new InvalidOperationException("square-root enclosure failed");
        return (lo * ExactDouble.Pow2(half), hi * ExactDouble.Pow2(half));
    }

    /// <summary>Runs the SGD step check: Δ = fl(−α·g), or a rejection naming the gradient where −α·g is beyond the range.</summary>
    private static bool StepRejectionAllowed(double alpha, double g) => Fraction.Abs(F(alpha) * F(g)) >= ExactAgreement.OverflowThreshold;

    [Property]
    public Property TwoSteps_MatchLineFiveAndTheOwnersSteps() => Prop.ForAll(Cases, c =>
    {
        int n = c.Theta0.Length;
        string label = c.ToString();
        var amos = new Amos(new Sgd(c.Alpha1), new Sgd(c.Alpha2), new AmosSettings(c.Threshold, c.AlphaL, c.Epsilon2));
        var run = amos.Start(new TwoPoints(c.Theta0, c.G0, c.A, c.G1, c.B), Vector<double>.Build.DenseOfArray(c.Theta0));
        var amosRun = (Amos.AmosRun)run;
        Vector<double> first;
        try
        {
            first = run.Step();
        }
        catch (ArgumentException e)
        {
            return (e.ParamName == "gradient" && Enumerable.Range(0, n).Any(i => StepRejectionAllowed(c.Alpha2, c.G0[i])))
                .Label($"{label}: step 1 rejected ({e.Message})");
        }
        var property = amosRun.UsesFirstOrder.All(x => !x).Label($"{label}: step 1 gave a coordinate to OPT¹");
        for (int i = 0; i < n; i++)
            property = property.And(ExactAgreement.Within(first[i], RationalInterval.Exact(-F(c.Alpha2) * F(c.G0[i])), 0.5, $"{label}: Δθ¹[{i}]"));
        var theta1 = run.Theta;
        if (!theta1.All(double.IsFinite))
            return property; // the run's θ + Δθ overflowed, as any optimizer's run may (one rounding, documented there)
        bool moved = Enumerable.Range(0, n).Any(i => BitConverter.DoubleToInt64Bits(theta1[i]) != BitConverter.DoubleToInt64Bits(c.Theta0[i]));
        double[] lambda = moved ? c.B : c.A, g = moved ? c.G1 : c.G0;

        // Line 5 with the exact distance of the stored iterates, enclosed with the distance's and RunningLipschitz's errors.
        var (dLo, dHi) = Sqrt(Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, i) => s + (F(theta1[i]) - F(c.Theta0[i])) * (F(theta1[i]) - F(c.Theta0[i]))));
        var gammaD = ExactAgreement.Gamma(4 * n);
        Fraction denominatorHi = F(c.Epsilon2) + dHi * (1 + gammaD) + n * Tiny;
        Fraction denominatorLo = F(c.Epsilon2) + (dLo * (1 - gammaD) - n * Tiny is var low && low > 0 ? low : Fraction.Zero);
        Vector<double> second;
        try
        {
            second = run.Step();
        }
        catch (ArgumentException e)
        {
            return property.And((e.ParamName == "gradient"
                    && Enumerable.Range(0, n).Any(i => StepRejectionAllowed(c.Alpha1, g[i]) || StepRejectionAllowed(c.Alpha2, g[i])))
                .Label($"{label}: step 2 rejected ({e.Message})"));
        }
        var l = amosRun.Lipschitz;
        var slopes = amosRun.LastSlopes!;
        var owners = amosRun.UsesFirstOrder;
        for (int i = 0; i < n; i++)
        {
            var change = Fraction.Abs(F(lambda[i]) - F(c.A[i]));
            foreach (var (name, computed, factor) in new[] { ("L", l[i], 1 - F(c.AlphaL)), ("slope", slopes[i], Fraction.One) })
            {
                var lo = factor * change / denominatorHi * (1 - 12 * U) - 6 * Tiny;
                var hi = factor * change / denominatorLo * (1 + 12 * U) + 6 * Tiny;
                string what = $"{label}: {name}[{i}] = {computed:R}, enclosure [{ExactDouble.ToDouble(lo):R}, {ExactDouble.ToDouble(hi):R}]";
                if (double.IsNaN(computed))
                    property = property.And(false.Label(what));
                else if (double.IsPositiveInfinity(computed))
                    property = property.And((hi >= ExactAgreement.OverflowThreshold).Label(what));
                else
                    property = property.And((lo < ExactAgreement.OverflowThreshold && F(computed) >= lo && F(computed) <= hi).Label(what));
            }
            property = property.And((owners[i] == l[i] > c.Threshold).Label($"{label}: coordinate {i} owner {owners[i]} for L = {l[i]:R}"));
            var lLo = (1 - F(c.AlphaL)) * change / denominatorHi * (1 - 12 * U) - 6 * Tiny;
            var lHi = (1 - F(c.AlphaL)) * change / denominatorLo * (1 + 12 * U) + 6 * Tiny;
            if (lLo > F(c.Threshold))
                property = property.And(owners[i].Label($"{label}: coordinate {i}: L above L_thresh for certain, but OPT²"));
            if (lHi <= F(c.Threshold))
                property = property.And((!owners[i]).Label($"{label}: coordinate {i}: L not above L_thresh for certain, but OPT¹"));
            double alpha = owners[i] ? c.Alpha1 : c.Alpha2;
            property = property.And(ExactAgreement.Within(second[i], RationalInterval.Exact(-F(alpha) * F(g[i])), 0.5, $"{label}: Δθ²[{i}]"));
        }
        return property;
    });

    /// <summary>
    /// k = 2, θ₀ = −1e308, SGD(1) on g = −1e308 everywhere: θ₁ = 0, θ₂ = 1e308, and at t = 2 the distance 2e308 overflowed,
    /// which RunningLipschitz rejected naming distance (a parameter Step has not). With λ: 0 → 1e308 and α_L = 0 line 5 is
    /// 1e308/(1e-12 + 2e308) = ½ (exactly ½ of the doubles: the halved quotient 5e307/1e308).
    /// </summary>
    [Fact]
    public void Step_WhereTheDistanceOverflows_IsLineFive()
    {
        var amos = new Amos(new Sgd(1), new Sgd(1), new AmosSettings(0.25, AlphaL: 0, HessianEvery: 2));
        var run = (Amos.AmosRun)amos.Start(new TwoPoints([-1e308], [-1e308], [0], [-1e308], [1e308]), Vector<double>.Build.Dense(1, -1e308));
        run.Step();
        run.Step();
        run.Step();
        Assert.Equal(0.5, run.Lipschitz[0]);
        Assert.Equal(0.5, run.LastSlopes![0]);
        Assert.True(run.UsesFirstOrder[0]);
    }
}
