using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;

namespace FlawedOptimizers;

/// <summary>
/// Sign descent with the wrong scaling for its declaration: it claims to be steepest descent w.r.t. ℓ∞
/// (balles-thesis eq. 6.10, Δθ = −α‖∇f‖₁·sign ∇f) but steps Δθ = −α·sign ∇f (eq. 6.1, the normalized version), so
/// Lemma 6.2's guaranteed decrease (α/2)‖∇f‖₁² fails once ‖∇f‖₁ &gt; 2.
/// </summary>
public sealed class UnscaledSignDescent : StatelessOptimizer, IDeclaresGuarantees
{
    /// <summary>Creates sign descent with step size α.</summary>
    public UnscaledSignDescent(double stepSize) => StepSize = Require.Positive(stepSize, nameof(stepSize));

    /// <summary>The static factory <c>check-optimizer</c> uses (α = 0.1), since there is no parameterless constructor.</summary>
    public static UnscaledSignDescent CreateDefault() => new(0.1);

    /// <summary>α.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public override string Name => $"unscaled-sign-descent(α={Require.Show(StepSize)})";

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees =>
    [
        new SteepestDescent(SteepestDescentNorm.Max, SteepestDescentScaling.NormScaled, StepSize), // wrong: the ‖∇f‖₁ factor is missing
        new ObjectiveScaleInvariance(),                                                          // right: sign(c·g) = sign(g)
    ];

    /// <inheritdoc />
    public override Vector<double> Update(IObjective objective, Vector<double> theta) =>
        -StepSize * objective.Gradient(theta).Map(g => (double)Math.Sign(g));
}
