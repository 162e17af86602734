using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The Rosenbrock function of lodo.md §5.2: f(x, y) = 0.01(x − 1)² + (x² − y)², minimum 0 at (1, 1);
/// the paper starts at (−0.5, 2) (<see cref="PaperStart"/>). Its third derivative grows with |x| (∂³f/∂x³ = 24x),
/// so it has no global L_H (<see cref="HessianLipschitz"/> is null).
/// </summary>
/// <remarks>
/// Range: every finite (x, y); a value, gradient, Hessian or T[u] entry is ±∞ exactly where its exact value is beyond
/// ±double.MaxValue (IEEE overflow, so that a diverging run is recorded as non-finite by Trajectory.Record). x² − y and 3x² − y are formed with one rounding by a fused multiply-add (no
/// cancellation near the valley y = x², no overflow of x² where x² − y is finite: the former x·x − y gave ∞ at
/// x = 1.4e154, y = double.MaxValue, where x² − y ≈ 1.8e307), the other sums of products by <see cref="ScaledSum"/>
/// (24x·u_x − 4u_y was ∞ at x = 1e308, u = (1e-300, 0), where it is 2.4e9), and 0.01 is the exact 1/100 (a division).
/// Accuracy, u = 2^-53: each result within 6u times the sum of the magnitudes of its terms, with r = x² − y one term
/// (f: (x − 1)²/100 + r², ∂f/∂x: |x − 1|/50 + 4|x r|; but h_xx: 1/50 + 12x² + 4|y|, as 3x is rounded before the
/// fused multiply-add), plus 2^-1074 where it is subnormal.
/// </remarks>
public sealed class ScaledRosenbrock : IThirdOrderObjective
{
    /// <summary>The start point of lodo.md §5.2.</summary>
    public static Vector<double> PaperStart => Vector<double>.Build.DenseOfArray([-0.5, 2.0]);

    /// <inheritdoc />
    public string Name => "rosenbrock(lodo §5.2)";

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        double r = Math.FusedMultiplyAdd(x, x, -y);
        if (double.IsInfinity(r))
            return double.PositiveInfinity; // x² − y > double.MaxValue, so f > it too
        double xm = x - 1;
        var sum = new ScaledSum();
        sum.AddQuotient(100, xm, xm);
        sum.Add(r, r);
        return sum.Value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        double r = Math.FusedMultiplyAdd(x, x, -y);
        if (double.IsInfinity(r)) // x² − y > double.MaxValue (so |x| > 1e154): ∂f/∂x has the sign of x, ∂f/∂y is −∞
            return Vector<double>.Build.DenseOfArray([Math.CopySign(double.PositiveInfinity, x), double.NegativeInfinity]);
        var gx = new ScaledSum();
        gx.AddQuotient(50, x - 1);
        gx.Add(4, x, r);
        var gy = new ScaledSum();
        gy.Add(-2, r);
        string at = $"({Require.Show(x)}, {Require.Show(y)})";
        return Vector<double>.Build.DenseOfArray([gx.Value, gy.Value]);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        // h_xx = 1/50 + 4(3x² − y): 3x exact unless it overflows (then 3x² − y > 0 is beyond the range anyway)
        double cubicPart = Math.FusedMultiplyAdd(3 * x, x, -y);
        var hxx = new ScaledSum();
        hxx.AddQuotient(50, 1);
        hxx.Add(4, double.IsFinite(cubicPart) ? cubicPart : double.MaxValue);
        var hxy = new ScaledSum();
        hxy.Add(-4, x);
        string at = $"({Require.Show(x)}, {Require.Show(y)})";
        double xx = hxx.Value, xy = hxy.Value;
        return Matrix<double>.Build.DenseOfArray(new[,] { { xx, xy }, { xy, 2.0 } });
    }

    /// <summary>T[u] = d/dt H(θ + t·u): [[24x·u_x − 4u_y, −4u_x], [−4u_x, 0]].</summary>
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        var (x, _) = Unpack(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(2, u.Count, nameof(u));
        var txx = new ScaledSum();
        txx.Add(24, x, u[0]);
        txx.Add(-4, u[1]);
        var txy = new ScaledSum();
        txy.Add(-4, u[0]);
        double tx = txx.Value, off = txy.Value;
        return Matrix<double>.Build.DenseOfArray(new[,] { { tx, off }, { off, 0.0 } });
    }

    /// <summary>None: ‖T‖ grows like 24|x|, so no constant bounds the Hessian's drift on all of ℝ².</summary>
    public double? HessianLipschitz => null;

    private static (double X, double Y) Unpack(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(2, theta.Count, nameof(theta));
        return (theta[0], theta[1]);
    }
}
