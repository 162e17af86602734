using Verification.Engine;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>Two eigenvalues λ₁ &lt; λ₂ sharing |g| and L, to compare ELMO's steps across curvatures (elmo/sec-3.2-concave).</summary>
internal sealed record CurvaturePair(double Lambda1, double Lambda2, double GradMagnitude, double Lipschitz)
{
    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Of("lambda1", Lambda1), NamedValue.Of("lambda2", Lambda2), NamedValue.Of("gradMagnitude", GradMagnitude), NamedValue.Of("lipschitz", Lipschitz)];

    /// <summary>The pair, or an ArgumentException off the domain (not λ₁ &lt; λ₂, |g| &lt; 0, L ≤ 0, non-finite).</summary>
    internal static CurvaturePair Valid(double lambda1, double lambda2, double gradMagnitude, double lipschitz) =>
        lambda1 < lambda2 && gradMagnitude >= 0 && lipschitz > 0 && double.IsFinite(lambda1) && double.IsFinite(lambda2)
        && double.IsFinite(gradMagnitude) && double.IsFinite(lipschitz)
            ? new CurvaturePair(lambda1, lambda2, gradMagnitude, lipschitz)
            : throw new ArgumentException("need λ₁ < λ₂, |g| ≥ 0 and L > 0, all finite.", nameof(lambda1));
}
