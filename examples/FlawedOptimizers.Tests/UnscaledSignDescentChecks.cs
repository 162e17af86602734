using Verification.Engine;
using Verification.Checks;
using Verification.Checks.Properties;
using Verification.Checks.Results;
using Verification.Optimizers.Guarantees;
using Xunit;

namespace FlawedOptimizers.Tests;

/// <summary>The sign method with the wrong scaling: Lemma 6.2's decrease fails; the norm-scaled fix passes.</summary>
public class UnscaledSignDescentChecks
{
    private static readonly CheckOptions Options = new(Budget: 120, Seed: 7);

    [Fact]
    public void SteepestDescentInMaxNorm_IsRefuted()
    {
        var optimizer = UnscaledSignDescent.CreateDefault();
        var guarantee = optimizer.Guarantees.OfType<SteepestDescent>().Single();

        var result = SteepestDescentCheck.Run(optimizer, guarantee, Options);

        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains("Lemma 6.2", result.Counterexample!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void AsANormalizedMethod_ItsTrueDeclaration_Holds()
    {
        // −α·sign ∇f is normalized steepest descent w.r.t. ℓ∞ (eq. C.18): declared that way, the check passes.
        var optimizer = UnscaledSignDescent.CreateDefault();
        var honest = new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.Normalized, optimizer.StepSize);

        var result = SteepestDescentCheck.Run(optimizer, honest, Options);

        Assert.Equal(Verdict.Holds, result.Verdict);
    }
}
