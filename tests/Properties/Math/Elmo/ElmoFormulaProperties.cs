using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Claims.Catalog.Elmo;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Xunit;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Elmo;

/// <summary>An eigenspace and a relative step δ = ΔΔ' ≥ −1 (x = x*(1 + δ) ≥ 0).</summary>
public sealed record EigenspaceAndDelta(EigenspaceInput E, double Delta);

/// <summary>Generators of the ELMO formula properties.</summary>
public static class ElmoFormulaArbitraries
{
    /// <summary>The catalog's eigenspaces: λ of either sign (0 often), |g| ∈ {0} ∪ [1e-150, 1e150], L ∈ [1e-150, 1e150].</summary>
    public static Arbitrary<EigenspaceInput> Eigenspaces() => EigenspaceInput.Generator.ToArbitrary();

    /// <summary>λ ∈ ±[1e-3, 1e3] (0 often), |g|, L ∈ [1e-3, 1e3] (so x* &gt; 0) and δ ∈ [−1, 10], 1e-4 … 10 in magnitude.</summary>
    public static Arbitrary<EigenspaceAndDelta> Steps() => (
        from l in EdgeDoubles.Signed(1e-3, 1e3)
        from a in EdgeDoubles.Positive(1e-3, 1e3)
        from lip in EdgeDoubles.Positive(1e-3, 1e3)
        from d in EdgeDoubles.Signed(1e-4, 10).Select(x => Math.Max(-1, x))
        select new EigenspaceAndDelta(new EigenspaceInput(l, a, lip), d)).ToArbitrary();
}

/// <summary>
/// The forms the ELMO statements evaluate (<see cref="ElmoEigenspaceFormulas"/>: x* without a branch on λ's sign, and the
/// cancellation-free relative changes and gap derived from M'(x*) = 0) agree with the definitions (eqs. 3, 4, 7) evaluated
/// in exact arithmetic: if a derivation were wrong, the claims would search, and certify, the wrong quantity.
/// </summary>
[Properties(Arbitrary = [typeof(ElmoFormulaArbitraries)], MaxTest = 300)]
public class ElmoFormulaProperties
{
    /// <summary>Enclosure precision of the exact comparisons: 128 bits leaves every enclosure far narrower than the tolerances below.</summary>
    private const int Bits = 128;

    /// <summary>
    /// Double accuracy of the branch-free x*: √, one sum, one quotient and at most one more quotient and sum, each within
    /// ½ulp, plus the inputs' products: ≤ 8 ulp (twice the 4 ulp of <c>ElmoStep.Step</c>, whose scaling this form does without).
    /// </summary>
    private const double StepUlps = 8;

    /// <summary>
    /// Double accuracy of the relative changes and the Newton gap, relative to 1 + |value|: a few dozen roundings, and
    /// W − λ = S − 2λ cancels mildly near S = 2λ; 1e-12 is ~5000 ε.
    /// </summary>
    private const double FormulaRelative = 1e-12;

    /// <summary>Two enclosures of one real number must intersect.</summary>
    private static bool Intersect(RationalInterval a, RationalInterval b) => a.Lower <= b.Upper && b.Lower <= a.Upper;

    /// <summary>The branch-free x* and the branching definition enclose the same value, and the double form is within 8 ulp of it.</summary>
    [Property(Replay = "(15241578750190521,2718281828459045235)")]
    public Property Step_EqualsTheBranchingDefinition(EigenspaceInput e)
    {
        using var precision = EnclosureSettings.Use(Bits);
        var (l, a, lip) = (RationalInterval.Exact(e.Lambda), RationalInterval.Exact(e.GradMagnitude), RationalInterval.Exact(e.Lipschitz));
        var branchFree = ElmoEigenspaceFormulas.Step(l, a, lip);
        var branching = ElmoFormulas.Step(l, a, lip);
        double computed = ElmoEigenspaceFormulas.Step(new Float64(e.Lambda), new Float64(e.GradMagnitude), new Float64(e.Lipschitz)).Value;
        double ulps = ExactDouble.UlpError(computed, branching);
        return (Intersect(branchFree, branching) && ulps <= StepUlps)
            .Label($"{e}: branch-free {branchFree}, branching {branching}, double {computed:R} ({ulps} ulp)");
    }

    /// <summary>The relative changes of M and m at x = x*(1 + δ) equal (model(x) − model(x*))/model(x*) from eqs. (3), (4).</summary>
    [Property(Replay = "(31415926535897932,14142135623730951)", MaxTest = 100)]
    public Property RelativeChanges_MatchTheDefinitions(EigenspaceAndDelta p)
    {
        using var precision = EnclosureSettings.Use(Bits);
        var (e, d) = (p.E, RationalInterval.Exact(p.Delta));
        var (l, a, lip) = (RationalInterval.Exact(e.Lambda), RationalInterval.Exact(e.GradMagnitude), RationalInterval.Exact(e.Lipschitz));
        var x = ElmoFormulas.Step(l, a, lip);
        var step = x * (1 + d);
        var upper = (ElmoFormulas.Upper(-a, l, lip, step) - ElmoFormulas.Upper(-a, l, lip, x)) / ElmoFormulas.Upper(-a, l, lip, x);
        var lower = (ElmoFormulas.Lower(-a, l, lip, step) - ElmoFormulas.Lower(-a, l, lip, x)) / ElmoFormulas.Lower(-a, l, lip, x);
        var upperForm = ElmoEigenspaceFormulas.RelativeUpperChange(l, a, lip, d);
        var lowerForm = ElmoEigenspaceFormulas.RelativeLowerChange(l, a, lip, d);
        var f = (new Float64(e.Lambda), new Float64(e.GradMagnitude), new Float64(e.Lipschitz), new Float64(p.Delta));
        double upperDouble = ElmoEigenspaceFormulas.RelativeUpperChange(f.Item1, f.Item2, f.Item3, f.Item4).Value;
        double lowerDouble = ElmoEigenspaceFormulas.RelativeLowerChange(f.Item1, f.Item2, f.Item3, f.Item4).Value;
        return (Intersect(upper, upperForm) && Intersect(lower, lowerForm)
                && Tolerances.Close(upperDouble, upper.Midpoint, FormulaRelative, FormulaRelative)
                && Tolerances.Close(lowerDouble, lower.Midpoint, FormulaRelative, FormulaRelative))
            .Label($"{e}, δ = {p.Delta:R}: M {upper} vs {upperForm} ({upperDouble:R}); m {lower} vs {lowerForm} ({lowerDouble:R})");
    }

    /// <summary>M_L(x*) − M_L(x_N) from its factored form equals the difference of eq. (3) at x* and x_N = |g|/λ, and is ≤ 0.</summary>
    [Property(Replay = "(27182818284590452,16180339887498949)", MaxTest = 100)]
    public Property GapToNewton_MatchesTheDefinition(EigenspaceAndDelta p)
    {
        var e = p.E with { Lambda = Math.Abs(p.E.Lambda) is > 0 and var l ? l : 1 };
        using var precision = EnclosureSettings.Use(Bits);
        var (lambda, a, lip) = (RationalInterval.Exact(e.Lambda), RationalInterval.Exact(e.GradMagnitude), RationalInterval.Exact(e.Lipschitz));
        var x = ElmoFormulas.Step(lambda, a, lip);
        var definition = ElmoFormulas.Upper(-a, lambda, lip, x) - ElmoFormulas.Upper(-a, lambda, lip, a / lambda);
        var form = ElmoEigenspaceFormulas.UpperGapToNewton(lambda, a, lip);
        double gap = ElmoEigenspaceFormulas.UpperGapToNewton(new Float64(e.Lambda), new Float64(e.GradMagnitude), new Float64(e.Lipschitz)).Value;
        return (Intersect(definition, form) && form.Upper.Sign() <= 0 && Tolerances.Close(gap, form.Midpoint, FormulaRelative))
            .Label($"{e}: definition {definition}, factored {form}, double {gap:R}");
    }

    /// <summary>
    /// The point of the branch-free form: an exact box straddling λ = 0 (as the engine builds to decide a counterexample's
    /// scope) is evaluated as one piece and encloses x* at λ = 0, √(2|g|/L); the branching form cannot decide λ ≥ 0 there.
    /// </summary>
    [Fact]
    public void Step_EvaluatesABoxAroundLambdaZero()
    {
        using var box = EnclosureSettings.Use(128, Math.ScaleB(1, -10));
        var (l, a, lip) = (RationalInterval.Input(0), RationalInterval.Input(1), RationalInterval.Input(1));
        var x = ElmoEigenspaceFormulas.Step(l, a, lip);
        Assert.True(x.Lower < ExactDouble.ToFraction(1.4142135623730951) && ExactDouble.ToFraction(1.4142135623730950) < x.Upper, $"{x}");
        Assert.True(x.Width < ExactDouble.ToFraction(0.01), $"{x}");
        Assert.Throws<UndecidedException>(() => ElmoFormulas.Step(l, a, lip));
    }

    /// <summary>A box of λ &gt; 0 gives the concave term 2·max(−λ, 0)/L exactly 0, however small L is (no dependency blow-up).</summary>
    [Fact]
    public void Step_OfAPositiveLambdaBox_HasNoConcaveTerm()
    {
        using var box = EnclosureSettings.Use(128, Math.ScaleB(1, -10));
        var x = ElmoEigenspaceFormulas.Step(RationalInterval.Input(1), RationalInterval.Input(1), RationalInterval.Input(1e-300));
        // x* ≈ |g|/λ = 1 for L → 0: the enclosure stays near 1 instead of growing by 2^-9/1e-300.
        Assert.True(x.Upper < ExactDouble.ToFraction(1.01) && x.Lower > ExactDouble.ToFraction(0.99), $"{x}");
    }
}
