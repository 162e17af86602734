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
/// ±double.MaxValue (IEEE overflow, so that a diverging run is recorded as non-finite by Trajectory.Record). Where x, y (and
/// u) are 0 or within 2^±100 the written formulas are used (nothing can overflow or underflow there; bit for bit the former
/// results); elsewhere r = x² − y and 3x² − y are formed with one rounding by a fused multiply-add (the former x·x − y gave
/// ∞ at x = 1.4e154, y = double.MaxValue, where x² − y ≈ 1.6e307) and the other sums of products by
/// <see cref="ScaledSum"/> (24x·u_x − 4u_y was ∞ at x = 1e308, u = (1e-300, 0), where it is 2.4e9), with 0.01 = 1/100.
/// Accuracy, u = 2^-53, r = x² − y: f within 6u·((x − 1)²/100 + r² + |r|x²), ∂f/∂x within 6u·(|x − 1|/50 + 4|x|(|r| + x²)),
/// ∂f/∂y within 6u·2(|r| + x²), h_xx within 6u·(1/50 + 12x² + 4|y|), T[u]_xx within 6u·(24|x u_x| + 4|u_y|), the other
/// entries within ½ulp, plus 2^-1074 where a result is subnormal (the x² terms are the cancellation of x·x − y near the
/// valley y = x², which only the fused form avoids). Outside the band, where r is that fused form, f is within
/// 6u·((x − 1)²/100 + r²) (x − 1 and r one rounding each, the products, the quotient by 100 and the sum one each).
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
        if (ScaledSum.Ordinary(x, y))
        {
            double q = x * x - y;
            return 0.01 * (x - 1) * (x - 1) + q * q;
        }
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
        if (ScaledSum.Ordinary(x, y))
        {
            double q = x * x - y;
            return Vector<double>.Build.DenseOfArray([0.02 * (x - 1) + 4 * x * q, -2 * q]);
        }
        double r = Math.FusedMultiplyAdd(x, x, -y);
        if (double.IsInfinity(r)) // x² − y > double.MaxValue (so |x| > 1e154): ∂f/∂x has the sign of x, ∂f/∂y is −∞
            return Vector<double>.Build.DenseOfArray([Math.CopySign(double.PositiveInfinity, x), double.NegativeInfinity]);
        var gx = new ScaledSum();
        gx.AddQuotient(50, x - 1);
        gx.Add(4, x, r);
        var gy = new ScaledSum();
        gy.Add(-2, r);
        return Vector<double>.Build.DenseOfArray([gx.Value, gy.Value]);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        if (ScaledSum.Ordinary(x, y))
        {
            double hxxPlain = 0.02 + 12 * x * x - 4 * y, hxyPlain = -4 * x;
            return Matrix<double>.Build.DenseOfArray(new[,] { { hxxPlain, hxyPlain }, { hxyPlain, 2.0 } });
        }
        // h_xx = 1/50 + 4(3x² − y): 3x exact unless it overflows (then 3x² − y > 0 is beyond the range anyway)
        double cubicPart = Math.FusedMultiplyAdd(3 * x, x, -y);
        var hxx = new ScaledSum();
        hxx.AddQuotient(50, 1);
        hxx.Add(4, double.IsFinite(cubicPart) ? cubicPart : double.MaxValue);
        var hxy = new ScaledSum();
        hxy.Add(-4, x);
        double xx = hxx.Value, xy = hxy.Value;
        return Matrix<double>.Build.DenseOfArray(new[,] { { xx, xy }, { xy, 2.0 } });
    }

    /// <summary>T[u] = d/dt H(θ + t·u): [[24x·u_x − 4u_y, −4u_x], [−4u_x, 0]].</summary>
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        var (x, _) = Unpack(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(2, u.Count, nameof(u));
        if (ScaledSum.Ordinary(x, u[0], u[1]))
        {
            double offPlain = -4 * u[0];
            return Matrix<double>.Build.DenseOfArray(new[,] { { 24 * x * u[0] - 4 * u[1], offPlain }, { offPlain, 0.0 } });
        }
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
