using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Lodo;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Numerics.Torch.Lodo;

/// <summary>
/// How far the tensor Algorithm 1 (<see cref="Verification.Numerics.Torch.Lodo.TorchLodo"/>) may drift from the reference on
/// f(x) = ½xᵀHx − cᵀx, derived per operation and carried entrywise along the reference run, in units
/// u = u_dtype + u₆₄ (both sides' roundings; float32 also rounds the constants β, 1 − β, 0.9, 0.999, 1e-8, which adds
/// at most u per multiplication and is inside the per-line counts below).
/// <list type="bullet">
/// <item>G(θ)m: G is a polynomial in θ with 2N block factors, so with all inputs replaced by magnitudes it bounds every
/// term: |Δ(Gm)| ≤ G(|θ|)e_m + [G(|θ| + e_θ)|m| − G(|θ|)|m|] + (2Nk + 2)u·G(|θ|)|m| (the bracket is exact for the
/// perturbation because the abs-polynomial is increasing); x_{t+1} = x_t − Gm adds u|x_{t+1}|.</item>
/// <item>∇f(x_{t+1}) = Hx − c: |H|e_x + (n + 2)u(|H||x| + |c|).</item>
/// <item>The hypergradient ∂_θ(gᵀG(θ)m) is bilinear in (g, m) and a polynomial in θ: its drift is
/// B(|θ|, e_g, |m|) + B(|θ|, |g|, e_m) + [B(|θ| + e_θ, |g|, |m|) − B(|θ|, |g|, |m|)] + (4Nk + 4)u·B(|θ|, |g|, |m|), B the
/// reference's reverse mode on magnitudes.</item>
/// <item>Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8): e_A ← 0.9e_A + 0.1e_h + 4u(0.9|A| + 0.1|h|), e_B ← 0.999e_B + 0.002|h|e_h +
/// 6u(0.999B + 0.001h²); the step −η(A/c₁)/(√(B/c₂) + ε) moves by η[e_A/c₁/D + (|A|/c₁)·e_√/D²] + 6u·|step|, D the
/// denominator and e_√ ≤ min(e_B/(2c₂√(B/c₂)), √(e_B/c₂)); θ ← θ + step adds u|θ_{t+1}|.</item>
/// <item>m ← βm + (1 − β)g: βe_m + (1 − β)e_g + 4u(β|m| + (1 − β)|g|).</item>
/// </list>
/// These are first-order bounds; the case allows <see cref="Tolerances.Torch.FirstOrderBound"/> times them.
/// </summary>
internal sealed class LodoDriftBound(BlockPermutationPreconditioner model, Matrix<double> hessian, Vector<double> linear, double metaRate, double beta, ScalarType dtype)
{
    private readonly double unit = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;
    private readonly double applyRoundings = 2 * model.Depth * model.BlockSize + 2;
    private readonly double hyperRoundings = 4 * model.Depth * model.BlockSize + 4;
    private readonly Matrix<double> absHessian = hessian.PointwiseAbs();
    private Vector<double> eX = Vector<double>.Build.Dense(model.Dimension);
    private Vector<double> eM = Vector<double>.Build.Dense(model.Dimension);
    private Vector<double> eTheta = Vector<double>.Build.Dense(model.ParameterCount);
    private readonly double[] adamFirst = new double[model.ParameterCount], adamSecond = new double[model.ParameterCount];
    private readonly double[] eFirst = new double[model.ParameterCount], eSecond = new double[model.ParameterCount];
    private int t;

    /// <summary>
    /// Advances the bound over one reference step from (θ_t, m_t) to x_{t+1} = <paramref name="next"/>, with the gradient
    /// ∇f(x_{t+1}), the hypergradient h_t and θ_{t+1}; returns the entrywise bound on |x_{t+1}^tensor − x_{t+1}|.
    /// </summary>
    public Vector<double> Advance(Vector<double> theta, Vector<double> thetaNext, Vector<double> momentum, Vector<double> next, Vector<double> gradient, Vector<double> hyper)
    {
        var absTheta = theta.PointwiseAbs();
        var absM = momentum.PointwiseAbs();
        var absG = gradient.PointwiseAbs();
        var gm = model.Apply(absTheta, absM);
        eX = eX + model.Apply(absTheta, eM) + (model.Apply(absTheta + eTheta, absM) - gm) + applyRoundings * unit * gm + unit * next.PointwiseAbs();

        var eG = absHessian * eX + (model.Dimension + 2) * unit * (absHessian * next.PointwiseAbs() + linear.PointwiseAbs());

        var b = model.BilinearGradient(absTheta, absG, absM);
        var eH = model.BilinearGradient(absTheta, eG, absM) + model.BilinearGradient(absTheta, absG, eM)
            + (model.BilinearGradient(absTheta + eTheta, absG, absM) - b) + hyperRoundings * unit * b;

        t++;
        double c1 = 1 - Math.Pow(0.9, t), c2 = 1 - Math.Pow(0.999, t);
        for (int i = 0; i < model.ParameterCount; i++)
        {
            double h = hyper[i];
            eFirst[i] = 0.9 * eFirst[i] + 0.1 * eH[i] + 4 * unit * (0.9 * Math.Abs(adamFirst[i]) + 0.1 * Math.Abs(h));
            adamFirst[i] = 0.9 * adamFirst[i] + 0.1 * h;
            eSecond[i] = 0.999 * eSecond[i] + 0.002 * Math.Abs(h) * eH[i] + 6 * unit * (0.999 * adamSecond[i] + 0.001 * h * h);
            adamSecond[i] = 0.999 * adamSecond[i] + 0.001 * h * h;
            double root = Math.Sqrt(adamSecond[i] / c2), denominator = root + 1e-8;
            double eRoot = root > 0
                ? Math.Min(eSecond[i] / c2 / (2 * root), Math.Sqrt(eSecond[i] / c2))
                : Math.Sqrt(eSecond[i] / c2);
            double mHat = Math.Abs(adamFirst[i]) / c1;
            double stepDrift = metaRate * (eFirst[i] / c1 / denominator + mHat * eRoot / (denominator * denominator))
                + 6 * unit * metaRate * mHat / denominator;
            eTheta[i] += stepDrift + unit * Math.Abs(thetaNext[i]);
        }

        eM = beta * eM + (1 - beta) * eG + 4 * unit * (beta * absM + (1 - beta) * absG);
        return eX.Clone();
    }
}
