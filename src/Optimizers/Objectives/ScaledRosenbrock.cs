using MathNet.Numerics.LinearAlgebra;
using Verification.Math;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The Rosenbrock function of lodo.md §5.2: f(x, y) = 0.01(x − 1)² + (x² − y)², minimum 0 at (1, 1);
/// the paper starts at (−0.5, 2) (<see cref="PaperStart"/>).
/// </summary>
public sealed class ScaledRosenbrock : IObjective
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

    private static (double X, double Y) Unpack(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(2, theta.Count, nameof(theta));
        return (theta[0], theta[1]);
    }
}
