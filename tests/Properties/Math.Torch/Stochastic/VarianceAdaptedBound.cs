using Verification.Numerics.Torch.Stochastic;
using Verification.Optimizers.Stochastic;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Stochastic;

/// <summary>
/// How far a tensor Adam / SVAG / M-SVAG step (<see cref="TorchVarianceAdaptedStep"/>) may be from the reference's on the same
/// gradient script, derived per operation and carried entrywise along the script, in u = u_dtype + u₆₄ (both sides; in
/// float32 the constants β, 1 − β, ε and the scalars below are rounded to float32, one more u per use, inside the counts):
/// <list type="bullet">
/// <item>Moving averages r ← βr + (1 − β)y (y = g or g²): e ← βe + 5u(β|r| + (1 − β)|y|) (g² adds one more u); the bias
/// corrections divide by the same double 1 − β^t on both sides: + 2u·|m| (|v|).</item>
/// <item>Adam: D = √v + ε within e_√ + 2u·D, e_√ ≤ min(e_v/(2√v), √e_v); −α·m/D within α(e_m/D + |m|e_D/D²) + 4u|Δθ|.</item>
/// <item>SVAG / M-SVAG (t ≥ 1): q = v/|m| within e_v/|m| + q·e_m/|m| + u·q; r = q − |m| within e_q + e_m + u|r|;
/// η̂² = max(0, r/|m|) within e_r/|m| + η̂²e_m/|m| + u·η̂²; γ = 1/(1 + cη̂²), c = κ/(1 − ρ) the same double on both sides,
/// within γ²c·e_η + 4u·γ; −α·γ·d within α(e_γ|d| + γ·e_d) + 4u|Δθ| (d = m for M-SVAG, g for SVAG, e_g = 0).
/// At t = 0, γ is 1 or 0 by the sign of m, exact. Where m ≠ 0 is within its error of 0 the factor's branch is not
/// certain and the case is rejected.</item>
/// </list>
/// First-order; the case allows <see cref="Tolerances.Torch.FirstOrderBound"/> times it.
/// </summary>
internal sealed class VarianceAdaptedBound(VarianceAdaptedMethod method, double stepSize, double beta1, double beta2, double epsilon, int dimension, ScalarType dtype)
{
    private readonly double unit = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;
    private readonly double[] raw1 = new double[dimension], raw2 = new double[dimension], e1 = new double[dimension], e2 = new double[dimension];
    private double power1 = 1, power2 = 1;
    private int t;

    /// <summary>The entrywise bound on the difference of the steps for gradient <paramref name="g"/> (the next of the script).</summary>
    public double[] Step(double[] g)
    {
        power1 *= beta1;
        power2 *= beta2;
        var bound = new double[dimension];
        for (int i = 0; i < dimension; i++)
        {
            e1[i] = beta1 * e1[i] + 5 * unit * (beta1 * Math.Abs(raw1[i]) + (1 - beta1) * Math.Abs(g[i]));
            raw1[i] = beta1 * raw1[i] + (1 - beta1) * g[i];
            e2[i] = beta2 * e2[i] + 6 * unit * (beta2 * raw2[i] + (1 - beta2) * g[i] * g[i]);
            raw2[i] = beta2 * raw2[i] + (1 - beta2) * g[i] * g[i];
            double m = raw1[i] / (1 - power1), v = raw2[i] / (1 - power2);
            double em = e1[i] / (1 - power1) + 2 * unit * Math.Abs(m), ev = e2[i] / (1 - power2) + 2 * unit * v;
            bound[i] = method == VarianceAdaptedMethod.Adam ? AdamBound(m, v, em, ev) : FactorBound(m, v, em, ev, g[i]);
        }
        t++;
        return bound;
    }

    private double AdamBound(double m, double v, double em, double ev)
    {
        double root = Math.Sqrt(v), denominator = root + epsilon;
        if (denominator == 0)
            return em == 0 ? 0 : throw new UncertifiableCaseException("Adam's denominator is 0 while m carries an error.");
        double eRoot = root > 0 ? Math.Min(ev / (2 * root), Math.Sqrt(ev)) : Math.Sqrt(ev);
        double eDenominator = eRoot + 2 * unit * denominator;
        double step = stepSize * Math.Abs(m) / denominator;
        return stepSize * (em / denominator + Math.Abs(m) * eDenominator / (denominator * denominator)) + 4 * unit * step;
    }

    private double FactorBound(double m, double v, double em, double ev, double g)
    {
        if (m == 0)
            return em == 0 ? 0 : throw new UncertifiableCaseException("m = 0 in the reference while its tensor twin may not be.");
        double a = Math.Abs(m);
        if (!(a > em))
            throw new UncertifiableCaseException($"m = {m:R} is within its error {em:R} of 0: the factor's branch is not certain.");
        double direction = method == VarianceAdaptedMethod.MSvag ? a : Math.Abs(g);
        double eDirection = method == VarianceAdaptedMethod.MSvag ? em : 0;
        if (t == 0)
            return stepSize * eDirection + 4 * unit * stepSize * direction;
        double rho = MovingAverages.Rho(beta1, t);
        double c = (method == VarianceAdaptedMethod.MSvag ? rho : 1) / (1 - rho);
        double q = v / a, eq = ev / a + q * em / a + unit * q;
        double r = q - a, er = eq + em + unit * Math.Abs(r);
        double eta2 = Math.Max(0, r / a), eEta = er / a + eta2 * em / a + unit * eta2;
        double gamma = 1 / (1 + c * eta2), eGamma = gamma * gamma * c * eEta + 4 * unit * gamma;
        return stepSize * (eGamma * direction + gamma * eDirection) + 4 * unit * stepSize * gamma * direction;
    }
}
