using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ARC's acceptance decision (Cartis, Gould &amp; Toint 2011, Alg. 2.1) over the whole double range against the exact
/// ρ = (f(θ) − f(θ + s))/(m(0) − m(s)), m(s) = ∇fᵀs + ½sᵀHs + (σ/3)‖s‖³, for s the trial step Arc.Iterate returns, on
/// <see cref="RoundedSeparableCubic"/> at θ = z (so ∇f = a and H = diag(λ) exactly; z, a, λ, F and σ from the whole range,
/// c_i = σ·m/4 with m ∈ −16…16 so that ρ crosses η₁ and η₂, or c from the whole range). f(θ + s) and ‖s‖³ = N√N
/// (N = ‖s‖²) are exact rationals or a 200-bit enclosure. ArcRun.Step from the same θ and σ₀ = σ is checked to take
/// that iteration: θ ← fl(θ + s) and s returned where accepted, θ kept and 0 returned otherwise, σ ← σ after.
/// </summary>
/// <remarks>
/// The computed ρ̂ = fl(A/P̂), and rounding is monotone, so the decision is that of A/P̂ against the doubles η₁, η₂.
/// A, the actual decrease, is checked to be f̂(θ) − f̂(fl(θ + s)) rounded once, f̂ the objective's values; so
/// |A − D| ≤ |f(fl(θ + s)) − f(θ + s)| (the trial point's rounding, exact here) + ½ulp(f̂(θ)) + ½ulp(f̂(fl(θ + s))) + ½ulp(A)
/// (2^-1075 for a 0), D = f(θ) − f(θ + s). P̂, the predicted decrease, is Solve's closed form C = ½Σ|g_i|ŝ_i + μ̂‖ŝ‖²/6
/// within γ_{2n+3}; for any ŝ, with d_i = λ_i + μ* (μ* = max(0, −λ₁) + t̂, μ̂ = fl(μ*)),
/// C − (m(0) − m(ŝ)) = ½Σ(d_iŝ_i − |g_i|)ŝ_i + (σ‖ŝ‖ − μ*)‖ŝ‖²/3 + (μ̂ − μ*)‖ŝ‖²/6 exactly, bounded by
/// (γ₃ + u + 2r(1 + u))·C with r = |σ‖ŝ‖/μ* − 1| ≤ ε + γ₄ + γ₃ ≤ γ_{2n+23} (Solve's bracket ε = γ_{2n+16}, one ulp of t̂
/// moving μ and ‖s‖ by 2u each where every d_i is normal, ŝ_i within γ₃); so P̂ is within κ = γ_{10n+110} of
/// m(0) − m(ŝ) (the sums of γ's and the quotient (1 + γ_{2n+3})/(1 − γ_{4n+51}) rounded up). That holds where Solve
/// states it: every ŝ_i 0 or normal, P̂ ≥ 2^-1022, σ‖ŝ‖ ≥ 2^-1021 and every d_i with g_i ≠ 0, estimated as
/// |g_i|/|ŝ_i|·(1 − γ₃), at least 2^-1022 (outside Solve's documented subnormal-root gap, which with λ₁ &lt; 0 is
/// d₁ = t̂ subnormal while μ is normal). There P̂ is checked within κ and ρ̂ lies
/// in [D ∓ e_A]/[P(1 ∓ κ)]: a decision whose ρ-region (ρ &lt; η₁ rejected and σ·γ_inc, η₁ ≤ ρ &lt; η₂ accepted and σ kept,
/// ρ ≥ η₂ accepted and max(σ_min, σ·γ_dec)) misses that interval fails. Elsewhere (and where that interval is not
/// bounded away from 0 in its denominator) the iteration must still be one of the three outcomes, with σ as that outcome
/// says: not accepted with σ unchanged is allowed only for a zero step (m(0) − m(s) = 0). A step rejected naming sigma
/// and double.MaxValue is Solve's; cases with f(fl(θ + s)) beyond ±double.MaxValue are outside the objective's range.
/// </remarks>
[Properties(MaxTest = 400)]
public class ArcAcceptanceRangeProperties
{
    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);
    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    internal sealed record Case(double Offset, double[] Z, double[] A, double[] Lambda, double[] C, double Sigma, ArcSettings Settings)
    {
        public override string ToString() =>
            $"F = {Offset:R}, z = ({Show(Z)}), a = ({Show(A)}), λ = ({Show(Lambda)}), c = ({Show(C)}), σ = {Sigma:R}, {Settings}";

        private static string Show(double[] x) => string.Join(", ", x.Select(v => v.ToString("R")));
    }

    private static Gen<double[]> Zeros(int n) => Gen.Constant(new double[n]);

    private static Gen<ArcSettings> Settings { get; } =
        from eta1 in Gen.Elements(0.1, 0.25, 0.5)
        from extra in Gen.Elements(0.0, 0.25, 0.4, 0.8)
        from inc in Gen.Elements(2.0, 3.0, 1.5)
        from dec in Gen.Elements(0.5, 0.25, 0.7)
        from sigmaMin in Gen.Frequency((2, Gen.Constant(1e-8)), (1, FullRangeDoubles.Positive))
        select new ArcSettings(1, eta1, Math.Min(eta1 + extra, 0.9), inc, dec, sigmaMin);

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from offset in Gen.Frequency((2, Gen.Constant(0.0)), (1, FullRangeDoubles.Signed))
         from z in Gen.Frequency((3, FullRangeDoubles.SignedOrOneScale(n)), (1, Zeros(n)))
         from a in FullRangeDoubles.SignedOrOneScale(n)
         from lambda in Gen.Frequency((2, FullRangeDoubles.SignedOrOneScale(n)), (1, Zeros(n)))
         from sigma in FullRangeDoubles.Positive
         from m in Gen.ArrayOf(Gen.Choose(-16, 16), n)
         from wild in Gen.Frequency((4, Gen.Constant<double[]?>(null)), (1, FullRangeDoubles.SignedOrOneScale(n).Select(x => (double[]?)x)))
         from settings in Settings
         let c = wild ?? m.Select(k => Math.Clamp(ExactDouble.ToDouble(ExactDouble.ToFraction(sigma) * k / 4), -double.MaxValue, double.MaxValue)).ToArray()
         select new Case(offset, z, a, lambda, c, sigma, settings)).ToArbitrary();

    /// <summary>½ulp of a double result (2^-1075 for ±0): the most its one rounding moved it.</summary>
    private static Fraction HalfUlp(double x) => ExactDouble.UnitInLastPlace(ExactDouble.ToFraction(x)) / 2;

    private enum Outcome { Rejected, Successful, VerySuccessful }

    /// <summary>ArcRun.Step once from θ = z with σ₀ = σ: the run and the step it returned.</summary>
    private static (Arc.ArcRun Run, Vector<double> Step) Run(Case c, RoundedSeparableCubic f)
    {
        var run = (Arc.ArcRun)new Arc(c.Settings with { Sigma0 = c.Sigma }).Start(f, Vector<double>.Build.DenseOfArray(c.Z));
        return (run, run.Step());
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    [Property]
    public Property Iterate_DecidesAsTheExactRatioSays() => Prop.ForAll(Cases, c =>
    {
        string label = c.ToString();
        int n = c.Z.Length;
        var f = new RoundedSeparableCubic(c.Offset, c.Z, c.A, c.Lambda, c.C);
        var theta = Vector<double>.Build.DenseOfArray(c.Z);
        ArcIteration it;
        try
        {
            it = new Arc(c.Settings).Iterate(f, theta, c.Sigma);
        }
        catch (ArgumentException e)
        {
            return (e.ParamName == "sigma" && e.Message.Contains("double.MaxValue")).Label($"{label}: rejected {e.ParamName}: {e.Message}")
                .And(Throws(() => Run(c, f)).Label($"{label}: the run stepped where Iterate rejected"))
                .Classify(true, "subproblem beyond the range");
        }
        var s = it.Trial;
        var (run, returned) = Run(c, f);
        var moved = it.Accepted ? theta + s : theta;
        var runChecks = (run.Iteration == 1 && run.Sigma.Equals(it.SigmaAfter) && run.Theta.Equals(moved)
                && returned.Equals(it.Accepted ? s : Vector<double>.Build.Dense(n)))
            .Label($"{label}: the run gave θ = {run.Theta}, σ = {run.Sigma:R}, step {returned} for the iteration {it}");
        if (s.All(x => x == 0))
            return runChecks.And(it.PredictedDecrease == 0 && it.ActualDecrease == 0 && !it.Accepted && it.SigmaAfter == c.Sigma)
                .Label($"{label}: zero step gave {it}").Classify(true, "zero step");

        var sigma = ExactDouble.ToFraction(c.Sigma);
        var sx = s.Select(ExactDouble.ToFraction).ToArray();
        var zx = c.Z.Select(ExactDouble.ToFraction).ToArray();
        var taken = c.Z.Select((zi, i) => zi + s[i]).ToArray();
        var fz = f.Exact(zx);
        var ft = f.Exact(taken.Select(ExactDouble.ToFraction).ToArray());
        if (Fraction.Abs(ft) > Max)
            return true.Label(label).Classify(true, "f beyond the range at the trial point");
        double fzHat = ExactDouble.ToDouble(fz), ftHat = ExactDouble.ToDouble(ft);
        double actualExpected = ExactDouble.ToDouble(ExactDouble.ToFraction(fzHat) - ExactDouble.ToFraction(ftHat));
        var result = runChecks.And(it.ActualDecrease.Equals(actualExpected)).Label($"{label}: actual decrease {it.ActualDecrease:R}, f̂(θ) − f̂(θ + s) rounded once {actualExpected:R}")
            .And((it.SigmaBefore == c.Sigma).Label($"{label}: σ before {it.SigmaBefore:R}"));

        var d = fz - f.Exact(zx.Zip(sx, (zi, si) => zi + si).ToArray());
        var norm2 = sx.Aggregate(Fraction.Zero, (acc, x) => acc + x * x);
        var norm = RationalInterval.Exact(norm2).Sqrt();
        var linearAndQuadratic = Fraction.Zero;
        for (int i = 0; i < n; i++)
            linearAndQuadratic += sx[i] * (ExactDouble.ToFraction(c.A[i]) + sx[i] * ExactDouble.ToFraction(c.Lambda[i]) / 2);
        var cubic = sigma / 3 * norm2;
        var pLo = -linearAndQuadratic - cubic * norm.Upper;
        var pHi = -linearAndQuadratic - cubic * norm.Lower;

        var kappa = ExactAgreement.Gamma(10 * n + 110);
        var predicted = ExactDouble.ToFraction(it.PredictedDecrease);
        var smallestNormal = ExactDouble.Pow2(-1022);
        bool stated = s.All(x => x == 0 || double.IsNormal(x)) && it.PredictedDecrease >= FullRangeDoubles.MinNormal
            && sigma * norm.Lower >= 2 * smallestNormal
            && Enumerable.Range(0, n).All(i => c.A[i] == 0
                || s[i] != 0 && Fraction.Abs(ExactDouble.ToFraction(c.A[i]) / sx[i]) * (1 - ExactAgreement.Gamma(3)) >= smallestNormal);
        if (stated)
            result = result.And((predicted >= pLo * (1 - kappa) && predicted <= pHi * (1 + kappa))
                .Label($"{label}: predicted decrease {it.PredictedDecrease:R} not within κ of m(0) − m(s) ∈ [{ExactDouble.ToDouble(pLo):R}, {ExactDouble.ToDouble(pHi):R}]"));

        var allowed = new HashSet<Outcome> { Outcome.Rejected, Outcome.Successful, Outcome.VerySuccessful };
        string why = "unstated";
        if (double.IsInfinity(it.ActualDecrease))
        {
            var dt = fz - ft;
            result = result.And((Fraction.Abs(dt) > Max && dt.Sign() == Math.Sign(it.ActualDecrease)).Label($"{label}: actual decrease {it.ActualDecrease} for {ExactDouble.ToDouble(dt):R}"));
            allowed = [it.ActualDecrease > 0 ? Outcome.VerySuccessful : Outcome.Rejected];
            why = "decided";
        }
        else if (stated && pLo * (1 - kappa) > 0)
        {
            var errorA = Fraction.Abs(fz - ft - d) + HalfUlp(fzHat) + HalfUlp(ftHat) + HalfUlp(it.ActualDecrease);
            Fraction nLo = d - errorA, nHi = d + errorA, qLo = pLo * (1 - kappa), qHi = pHi * (1 + kappa);
            var rhoLo = nLo.Sign() >= 0 ? nLo / qHi : nLo / qLo;
            var rhoHi = nHi.Sign() >= 0 ? nHi / qLo : nHi / qHi;
            Fraction eta1 = ExactDouble.ToFraction(c.Settings.Eta1), eta2 = ExactDouble.ToFraction(c.Settings.Eta2);
            allowed.Clear();
            if (rhoLo < eta1) allowed.Add(Outcome.Rejected);
            if (rhoHi >= eta1 && rhoLo < eta2) allowed.Add(Outcome.Successful);
            if (rhoHi >= eta2) allowed.Add(Outcome.VerySuccessful);
            why = allowed.Count == 1 ? "decided" : "within the margin";
        }

        double raised = Math.Min(ExactDouble.ToDouble(sigma * ExactDouble.ToFraction(c.Settings.GammaIncrease)), double.MaxValue);
        double lowered = Math.Max(c.Settings.SigmaMin, ExactDouble.ToDouble(sigma * ExactDouble.ToFraction(c.Settings.GammaDecrease)));
        var observed = new HashSet<Outcome>();
        if (!it.Accepted && it.SigmaAfter == raised) observed.Add(Outcome.Rejected);
        if (it.Accepted && it.SigmaAfter == c.Sigma) observed.Add(Outcome.Successful);
        if (it.Accepted && it.SigmaAfter == lowered) observed.Add(Outcome.VerySuccessful);
        return result.And(observed.Overlaps(allowed)
                .Label($"{label}: accepted {it.Accepted}, σ after {it.SigmaAfter:R} (outcomes {string.Join("/", observed)}); allowed {string.Join("/", allowed)}; A = {it.ActualDecrease:R}, P̂ = {it.PredictedDecrease:R}, s = {s}"))
            .Classify(true, why);
    });
}
