using Verification.Engine;
using Verification.Engine.Xunit;
using Xunit;

namespace OwnLemma.Tests;

/// <summary>
/// The worked example of docs/guide-own-lemma.md: the descent lemma stated first with the step η = 2/L (the stability
/// limit of gradient descent, not a sufficient-decrease step), which the engine refutes with a certified counterexample,
/// then fixed to η = 1/L, which holds. The refuted statement stays pinned, so a regression that "fixes" it fails.
/// </summary>
public class DescentLemmaTests
{
    // own-lemma-tests:begin
    [Fact]
    public void StepOneOverL_Holds() => LemmaAssert.Holds(new DescentLemma(1));

    [Fact]
    public void StepTwoOverL_IsRefutedAtThePinnedCounterexample() =>
        LemmaAssert.Refutes(new DescentLemma(2), (new SymmetricMatrix([1, 1, 1], []), [1.0, 1, 1], 1.0));
    // own-lemma-tests:end

    [Fact]
    public void StepTwoOverL_FailsHoldsWithTheCertifiedCounterexampleInTheMessage()
    {
        var failure = Assert.Throws<LemmaFailedException>(() => LemmaAssert.Holds(new DescentLemma(2)));

        Assert.Equal(Verdict.Refuted, failure.Result!.Verdict);
        var c = failure.Result.Counterexample!;
        // At A = I, L = 1 the step η = 2 maps θ to −θ: f does not decrease at all, while the lemma promises a decrease of
        // (η/2)‖∇f‖² = ‖θ‖². The certified margin is a lower bound on that violation: (f(θ) − (f(θ) − ‖θ‖²))/(f(θ) + 2‖θ‖²)
        // = ‖θ‖²/(‖θ‖²/2 + 2‖θ‖²) = 0.4 exactly when A = I and L = 1, whatever θ ≠ 0.
        Assert.True(c.CertifiedMargin > 0, failure.Message);
        Assert.Contains("certified margin ≥ ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("seed 20261123", failure.Message, StringComparison.Ordinal);
        Assert.Contains("lhs = ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepOneOverL_IsNotRefutedAtTheOldCounterexample()
    {
        // The fix removes the counterexample: pinning it against the fixed statement fails, saying it holds there exactly.
        var failure = Assert.Throws<LemmaFailedException>(() =>
            LemmaAssert.Refutes(new DescentLemma(1), (new SymmetricMatrix([1, 1, 1], []), [1.0, 1, 1], 1.0)));

        Assert.Equal(PinnedOutcome.Satisfied, failure.Pinned!.Outcome);
    }
}
