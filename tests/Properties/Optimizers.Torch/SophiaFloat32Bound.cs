using Verification.Tests.Properties.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// How far the float32 tensor rules of the OPTs (<see cref="Verification.Optimizers.Torch.TorchCoordinatewise.Start"/> of
/// SGD and the diagonal Sophia) may be from the float64 reference on the same
/// (float32-rounded) script, carried along it per coordinate in u = u₃₂ + u₆₄; float32 also rounds every constant
/// (η, β, 1 − β, ρ) once, one u per use, inside the counts:
/// <list type="bullet">
/// <item>SGD: −η·g, the constant and the product: 2u·|ηg|.</item>
/// <item>Sophia, on owned coordinates: m ← β₁m + (1 − β₁)g within β₁e_m + 5u(β₁|m| + (1 − β₁)|g|), and h likewise with
/// H_ii on refresh steps; the step −η·clip(m/max(ρh, ε), 1) is bounded by its values at the corners m ± e_m,
/// h ± (e_h + 2u|h|) (it is monotone in m and in max(ρh, ε) on each side of m = 0, and where the m-interval holds 0 the
/// corners still enclose it), plus 3u·|step| for the quotient, the product and −η.</item>
/// </list>
/// In float64 every bound is 0: the case requires bit-for-bit equality there.
/// </summary>
internal sealed class SophiaFloat32Bound(OptimizerAgreementCases.Script script, bool sophia, ScalarType dtype)
{
    private const double Epsilon = 1e-12;
    private readonly double unit = Tolerances.Torch.Float32Unit + Tolerances.Torch.Float64Unit;
    private readonly int n = script.Gradients[0].Length;
    private double[]? m, h, em, eh;
    private int steps;

    /// <summary>The per-coordinate bound for step <paramref name="t"/> of the script (call in order).</summary>
    public double[] Step(int t)
    {
        var bound = new double[n];
        if (dtype == ScalarType.Float64)
            return bound;
        var g = script.Gradients[t];
        if (!sophia)
        {
            for (int i = 0; i < n; i++)
                bound[i] = 2 * unit * Math.Abs(script.Rate * g[i]);
            return bound;
        }
        m ??= new double[n];
        h ??= new double[n];
        em ??= new double[n];
        eh ??= new double[n];
        var owned = script.Owned[t];
        if (!owned.Any(b => b))
            return bound;
        bool refresh = steps % script.Every == 0;
        steps++;
        double b1 = script.Beta1, b2 = script.Beta2;
        for (int i = 0; i < n; i++)
        {
            if (!owned[i])
                continue;
            em[i] = b1 * em[i] + 5 * unit * (b1 * Math.Abs(m[i]) + (1 - b1) * Math.Abs(g[i]));
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            if (refresh)
            {
                double diagonal = script.Diagonals[t][i];
                eh[i] = b2 * eh[i] + 5 * unit * (b2 * Math.Abs(h[i]) + (1 - b2) * Math.Abs(diagonal));
                h[i] = b2 * h[i] + (1 - b2) * diagonal;
            }
            double step = Value(m[i], h[i]), worst = 0, hSpread = eh[i] + 2 * unit * Math.Abs(h[i]);
            foreach (double mm in new[] { m[i] - em[i], m[i] + em[i] })
                foreach (double hh in new[] { h[i] - hSpread, h[i] + hSpread })
                    worst = Math.Max(worst, Math.Abs(Value(mm, hh) - step));
            bound[i] = worst + 3 * unit * Math.Abs(step);
        }
        return bound;
    }

    private double Value(double mm, double hh) =>
        -script.Rate * Math.Clamp(mm / Math.Max(script.Rho * hh, Epsilon), -1, 1);
}
