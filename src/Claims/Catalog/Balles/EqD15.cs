using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;

namespace Verification.Claims.Catalog.Balles;

/// <summary>balles eq. (D.15): ∂²/∂f_i∂f_j log Σ_c e^{f_c} = −e^{f_i}e^{f_j}/S² for i ≠ j.</summary>
internal static class EqD15
{
    internal static Claim Claim() => new(
        "balles/eq-D.15",
        FisherSources.Of("eq. (D.15)", "(D.15)", "D.1.2"),
        "∂²/∂f_i∂f_j log(Σ_c e^{f_c}) = −e^{f_i}e^{f_j}/(Σ_c e^{f_c})².",
        "For i ≠ j (the off-diagonal entries; for i = j the diagonal formula (D.14) applies, and this one would miss the e^{f_i}/S term).",
        [new OffDiagonal()]);

    /// <summary>∂²lse/∂f_i∂f_j (forward mode) = −e^{f_i}e^{f_j}/S².</summary>
    private sealed class OffDiagonal : Statement<SoftmaxCase>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public OffDiagonal()
        {
            Name = "off-diagonal";
            Description = "For all f ∈ [−5, 5]^C and i ≠ j: ∂²lse/∂f_i∂f_j = −e^{f_i}e^{f_j}/S².";
            Tolerance = SoftmaxFormulas.ToleranceText;
            Domain = SoftmaxCase.Domain;
            MarginUnit = "relative to max(e^{f_i}, e^{f_j})/S";
        }

        public override Relation<T> Evaluate<T>(SoftmaxCase input)
        {
            Assume.That(input.I != input.J, "i = j is the diagonal entry of (D.14)");
            var f = input.Read<T>();
            var truth = SoftmaxFormulas.LogSumExpHessian(f)[input.I, input.J];
            var (e, s) = SoftmaxFormulas.Exponentials(f);
            return Relation.Equal(truth, -(e[input.I] * e[input.J]) / (s * s), T.Max(e[input.I], e[input.J]) / s, SoftmaxFormulas.Allowance);
        }

        public override string Explain(SoftmaxCase input) => "The off-diagonal second derivative of log-sum-exp differs from −π_iπ_j.";
    }
}
