using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// ASSESS_LIPSCHITZ of elmo-amos Alg. 3 (App. J.1): for candidate constants (L̂^i) the ratio of the descent ELMO's
/// step Δθ*(L̂) = Σ_i x*_i(L̂^i)·v_i actually obtains to the descent its pessimistic model promises,
/// (f(θ_t) − f(θ_t + Δθ*)) / (−Σ_i M_t^i(x*_i)). A ratio ≥ 1 means Σ_i M_t^i bounded the realized change (eq. 5).
/// </summary>
public static class AssessLipschitz
{
    /// <summary>
    /// The ratio. Where the step is zero (every x*_i = 0: ∇f = 0 and H ⪰ 0) both descents are 0 and the model is
    /// exact, so 1 is returned; where the step or f at the trial point is not finite, −∞ (the assessment fails).
    /// </summary>
    public static double Ratio(IObjective objective, Vector<double> theta, EigenSystem eigen, Vector<double> lipschitz)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(eigen);
        Require.Finite(theta, nameof(theta));
        Require.Positive(lipschitz, nameof(lipschitz));
        Require.SameLength(eigen.Dimension, lipschitz.Count, nameof(lipschitz));
        Require.SameLength(objective.Dimension, theta.Count, nameof(theta));
        var step = Vector<double>.Build.Dense(eigen.Dimension);
        double promised = 0;
        for (int i = 0; i < eigen.Dimension; i++)
        {
            double x = ElmoStep.Step(eigen.Values[i], Math.Abs(eigen.GradientProjections[i]), lipschitz[i]);
            if (!double.IsFinite(x))
                return double.NegativeInfinity;
            promised -= CubicUpperModel.Evaluate(eigen.GradientProjections[i], eigen.Values[i], lipschitz[i], x);
            step += x * eigen.Vectors.Column(i);
        }
        if (promised == 0 && step.All(v => v == 0))
            return 1.0;
        var trial = theta + step;
        if (!trial.All(double.IsFinite) || !double.IsFinite(promised) || promised <= 0)
            return double.NegativeInfinity;
        double after = objective.Value(trial);
        if (!double.IsFinite(after))
            return double.NegativeInfinity;
        double ratio = (objective.Value(theta) - after) / promised;
        return double.IsFinite(ratio) ? ratio : double.NegativeInfinity;
    }
}
