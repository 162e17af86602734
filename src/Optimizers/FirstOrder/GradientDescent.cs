using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.Guarantees;

namespace Verification.Optimizers.FirstOrder;

/// <summary>
/// Gradient descent, Δθ = −η∇f(θ), with a fixed step size η &gt; 0. Declares: descent on convex quadratics with
/// λ_max &lt; 2/η, quasi-Newton with Φ = ηI (elmo-amos Definition 3), steepest descent w.r.t. ℓ₂ with α = η
/// (balles-thesis Lemma 6.2), rotation equivariance, monotone descent over a run for λ_max &lt; 2/η and the linear
/// rate (7/8)² of f − f* on spectra in [1/(8η), 1/η].
/// </summary>
public sealed class GradientDescent : StatelessOptimizer, IQuasiNewtonOptimizer, IDeclaresGuarantees
{
    /// <summary>Creates gradient descent with step size <paramref name="stepSize"/>.</summary>
    /// <remarks>
    /// μ = 1/(8η) is formed as 0.125/η (8η overflowed for η above double.MaxValue/8, so η = 1e308 was rejected naming
    /// minCurvature) and rounded up: the least double ≥ 1/(8η), decided in exact rationals (to nearest, as before, μ could
    /// sit 1 ulp below 1/(8η), η = 3: 0.041666666666666664 &lt; 1/24, and a spectrum at that μ is outside the rate's range);
    /// L = 1/η is rounded to nearest and capped at double.MaxValue: above 1/η by under 1 ulp at most, well inside
    /// [1/(8η), 15/(8η)] where |1 − ηλ| ≤ 7/8, so the rate still holds on [μ, L].
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// <paramref name="stepSize"/> is not finite and positive, or is below 2^-1026 (≈ 1.4e-309), where μ = 1/(8η) of the
    /// declared linear rate approaches double.MaxValue (beyond it for η below ≈ 7e-310, where no double spectrum is in [μ, L]).
    /// </exception>
    public GradientDescent(double stepSize)
    {
        StepSize = Require.Positive(stepSize, nameof(stepSize));
        if (StepSize < MinStepSize)
            throw new ArgumentException(
                $"stepSize must be at least 2^-1026 (≈ 1.4e-309) so that the declared rate's curvature range [1/(8η), 1/η] starts at a finite double, got {Require.Show(stepSize)}.",
                nameof(stepSize));
        Guarantees =
        [
            // Along an eigenvector with eigenvalue λ ≥ 0 the change is −ηg²(1 − ηλ/2): negative iff λ < 2/η.
            new DescentOnConvexQuadratics(2 / StepSize),
            new QuasiNewton(),
            new SteepestDescent(SteepestDescentNorm.Euclidean, SteepestDescentScaling.NormScaled, StepSize),
            new RotationEquivariance(),
            // Over a run: each eigen-coordinate of θ − θ* is multiplied by 1 − ηλ per step, so f decreases
            // monotonically for λ < 2/η, and on spectra in [1/(8η), 1/η] f − f* contracts by (1 − 1/8)² per step.
            new MonotoneDescentOnConvexQuadratics(2 / StepSize),
            new LinearConvergenceOnQuadratics(MinCurvatureFor(StepSize), Math.Min(1 / StepSize, double.MaxValue), 0.765625),
        ];
    }

    /// <summary>The least double μ ≥ 1/(8η): 0.125/η to nearest, moved up one double where that is below 1/(8η).</summary>
    private static double MinCurvatureFor(double eta)
    {
        double mu = 0.125 / eta;
        return ExactDouble.ToFraction(mu) * ExactDouble.ToFraction(eta) < new Fraction(1, 8) ? Math.BitIncrement(mu) : mu;
    }

    /// <summary>2^-1026, the least step size accepted (see the constructor).</summary>
    public const double MinStepSize = 1.390671161567e-309;

    /// <summary>
    /// The configuration <c>check-optimizer</c> loads (its static-factory convention): η = 0.1.
    /// </summary>
    public static GradientDescent CreateDefault() => new(0.1);

    /// <summary>η.</summary>
    public double StepSize { get; }

    /// <inheritdoc />
    public IReadOnlyList<Guarantee> Guarantees { get; }

    /// <inheritdoc />
    public override string Name => $"gd(η={Require.Show(StepSize)})";

    /// <inheritdoc />
    /// <remarks>−η·∇f(θ), each entry correctly rounded; an ArgumentException where ∇f(θ) or the step is beyond double.MaxValue.</remarks>
    public override Vector<double> Update(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var step = -StepSize * objective.Gradient(theta);
        if (!step.All(double.IsFinite))
            throw new ArgumentException("theta gives a gradient step −η∇f(θ) beyond the double range.", nameof(theta));
        return step;
    }

    /// <summary>Φ = ηI (Definition 3).</summary>
    public Matrix<double> Preconditioner(IObjective objective, Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return StepSize * Matrix<double>.Build.DenseIdentity(objective.Dimension);
    }
}
