using System.Text.RegularExpressions;
using Verification.Optimizers.Guarantees;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Guarantees;

/// <summary>
/// Guarantees are data that reports and the CLI show and the checks are keyed by: each kind has its own stable
/// kebab-case <see cref="Guarantee.Id"/>, and a <see cref="Guarantee.Statement"/> that states the property with the
/// parameters declared (α, the curvature bound) and the norms of balles-thesis §6.2 (the dual of ℓ₂ is ℓ₂, the dual of
/// ℓ∞ is ℓ₁). Found by mutation testing (docs/mutation-testing.md): emptying any Id or statement went unnoticed.
/// </summary>
public class GuaranteeStatementExamples
{
    private static IEnumerable<Guarantee> OneOfEachKind() =>
    [
        new DescentOnConvexQuadratics(4.0),
        new LeavesStrictSaddles(),
        new NoAscentInConcaveDirections(),
        new ObjectiveScaleInvariance(),
        new QuasiNewton(),
        new RotationEquivariance(),
        new SteepestDescent(SteepestDescentNorm.Euclidean, SteepestDescentScaling.NormScaled, 0.25),
    ];

    [Fact]
    public void EveryKind_HasItsOwnKebabCaseIdAndAStatement()
    {
        var kinds = OneOfEachKind().ToList();
        Assert.Equal(kinds.Count, kinds.Select(g => g.Id).Distinct().Count());
        foreach (var g in kinds)
        {
            Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), g.Id);
            Assert.True(g.Statement.Length > 20, $"{g.Id}: statement '{g.Statement}'");
        }
    }

    /// <summary>The ids that reports and the CLI spell out (Verification.Checks and docs/guide-check-optimizer.md).</summary>
    [Fact]
    public void Ids_AreTheDocumentedOnes() =>
        Assert.Equal(
            ["descent-on-convex-quadratics", "leaves-strict-saddles", "no-ascent-in-concave-directions",
             "objective-scale-invariance", "quasi-newton", "rotation-equivariance", "steepest-descent"],
            OneOfEachKind().Select(g => g.Id));

    [Fact]
    public void DescentOnConvexQuadratics_StatesItsCurvatureBound()
    {
        Assert.Contains("< 4", new DescentOnConvexQuadratics(4.0).Statement);
        Assert.Contains("< ∞", new DescentOnConvexQuadratics(double.PositiveInfinity).Statement.Replace("Infinity", "∞"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void DescentOnConvexQuadratics_RejectsANonPositiveBoundSayingSo(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => new DescentOnConvexQuadratics(bad));
        Assert.Equal("maxCurvature", e.ParamName);
        Assert.Contains("> 0", e.Message);
    }

    /// <summary>ℓ₂ is self-dual; the dual of ℓ∞ is ℓ₁ (balles-thesis §6.2).</summary>
    [Theory]
    [InlineData(SteepestDescentNorm.Euclidean, "ℓ₂", "‖·‖₂")]
    [InlineData(SteepestDescentNorm.Max, "ℓ∞", "‖·‖₁")]
    public void SteepestDescent_NamesTheNormAndItsDual(SteepestDescentNorm norm, string name, string dual)
    {
        foreach (var scaling in new[] { SteepestDescentScaling.NormScaled, SteepestDescentScaling.Normalized })
        {
            var g = new SteepestDescent(norm, scaling, 0.25);
            Assert.Equal(name, g.NormName);
            Assert.Equal(dual, g.DualNormName);
            Assert.Contains($"w.r.t. {name}", g.Statement);
            Assert.Contains($"({dual})", g.Statement);
            Assert.Contains("α = 0.25", g.Statement);
        }
    }

    /// <summary>Norm-scaled steepest descent is Lemma 6.2 (eq. 6.11, needs L ≤ 1/α); normalized is eq. (C.18).</summary>
    [Fact]
    public void SteepestDescent_CitesTheBoundOfItsScaling()
    {
        var scaled = new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, 0.5).Statement;
        var normalized = new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.Normalized, 0.5).Statement;
        Assert.Contains("Lemma 6.2", scaled);
        Assert.Contains("L ≤ 1/α", scaled);
        Assert.Contains("C.18", normalized);
        Assert.DoesNotContain("Lemma 6.2", normalized);
    }

    [Fact]
    public void SteepestDescent_RejectsUndefinedEnumsAndNonPositiveStepSizes()
    {
        Assert.Equal("norm", Assert.Throws<ArgumentException>(() =>
            new SteepestDescent((SteepestDescentNorm)7, SteepestDescentScaling.NormScaled, 1)).ParamName);
        var e = Assert.Throws<ArgumentException>(() =>
            new SteepestDescent(SteepestDescentNorm.Max, (SteepestDescentScaling)7, 1));
        Assert.Equal("scaling", e.ParamName);
        Assert.Contains("7", e.Message, StringComparison.Ordinal);
        Assert.Equal("stepSize", Assert.ThrowsAny<ArgumentException>(() =>
            new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, 0)).ParamName);
    }
}
