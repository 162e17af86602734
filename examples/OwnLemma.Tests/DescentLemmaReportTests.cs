using Verification.Engine;
using Verification.Engine.Xunit;
using Xunit;

namespace OwnLemma.Tests;

/// <summary>
/// What docs/guide-own-lemma.md says about the worked example: the statement with the step η = 2/L (the stability limit of
/// gradient descent, not a sufficient-decrease step) fails <see cref="LemmaAssert.Holds"/> with a certified
/// counterexample in the message, and the fix to η = 1/L removes that counterexample.
/// </summary>
public class DescentLemmaReportTests
{
    [Fact]
    public void StepTwoOverL_FailsHoldsWithTheCertifiedCounterexampleInTheMessage()
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new DescentLemma(2)));

        Assert.Equal(Verdict.Refuted, failure.Result!.Verdict);
        var c = failure.Result.Counterexample!;
        // Along an eigenvector with λ = L the step η = 2/L maps θ to −θ: f does not decrease, while the lemma promises a
        // decrease of (η/2)‖∇f‖² = λ²θ²/L. At λ = L = 1, θ = e₃: lhs = f(−θ) = ½, rhs = ½ − 1 = −½, scale f(θ) + η‖∇f‖² = 2.5,
        // so the margin is 1/2.5 = 0.4 exactly, certified from below.
        Assert.Equal(["A.λ = [0, 0, 1]", "A.Q = I", "θ = [0, 0, 1]", "L = 1"], c.Inputs.Select(v => $"{v.Name} = {v.Value}"));
        Assert.Equal(0.5, c.Lhs);
        Assert.Equal(-0.5, c.Rhs);
        Assert.InRange(c.CertifiedMargin, 0.4 * (1 - 1e-15), 0.4);
        Assert.Contains("certified margin ≥ ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("replay: seed 20261123, budget 2000", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepOneOverL_HoldsExactlyAtTheOldCounterexample()
    {
        var failure = Assert.Throws<LemmaFailedException>(() =>
            LemmaAssert.Refutes(new DescentLemma(1), (new SymmetricMatrix([0, 0, 1], []), [0.0, 0, 1], 1.0)));

        Assert.Equal(PinnedOutcome.Satisfied, failure.Pinned!.Outcome);
    }

    [Fact]
    public void StepTwoOverL_IsViolatedOnAnOpenSetInsideTheHypotheses()
    {
        // The counterexample found sits on the boundary λmax(A) = L of the hypothesis, so its scope is degenerate; inside
        // (λ = 1, L = 3/2, η = 4/3) every nearby input violates too: f(θ − η∇f) = 1/18 > ½ − ⅔ = −1/6.
        var c = LemmaAssert.Refutes(new DescentLemma(2), (new SymmetricMatrix([0, 0, 1], []), [0.0, 0, 1], 1.5));

        Assert.Equal(Scope.OpenSet, c.Scope);
    }
}
