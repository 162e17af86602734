using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The Rosenbrock function of lodo.md §5.2: f(x, y) = 0.01(x − 1)² + (x² − y)², minimum 0 at (1, 1);
/// the paper starts at (−0.5, 2) (<see cref="PaperStart"/>). Its third derivative grows with |x| (∂³f/∂x³ = 24x),
/// so it has no global L_H (<see cref="HessianLipschitz"/> is null).
/// </summary>
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
        double r = x * x - y;
        return 0.01 * (x - 1) * (x - 1) + r * r;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        double r = x * x - y;
        return Vector<double>.Build.DenseOfArray([0.02 * (x - 1) + 4 * x * r, -2 * r]);
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        var (x, y) = Unpack(theta);
        double hxx = 0.02 + 12 * x * x - 4 * y;
        double hxy = -4 * x;
        return Matrix<double>.Build.DenseOfArray(new[,] { { hxx, hxy }, { hxy, 2.0 } });
    }

    /// <summary>T[u] = d/dt H(θ + t·u): [[24x·u_x − 4u_y, −4u_x], [−4u_x, 0]].</summary>
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        var (x, _) = Unpack(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(2, u.Count, nameof(u));
        double off = -4 * u[0];
        return Matrix<double>.Build.DenseOfArray(new[,] { { 24 * x * u[0] - 4 * u[1], off }, { off, 0.0 } });
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
