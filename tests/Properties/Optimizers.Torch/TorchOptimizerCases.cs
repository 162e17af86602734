using MathNet.Numerics.LinearAlgebra;
using TorchSharp;
using Verification.Numerics.Torch;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics.Torch;
using static TorchSharp.torch;

namespace Verification.Tests.Properties.Optimizers.Torch;

/// <summary>
/// Test problems shared by the tensor-optimizer agreement tests: f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³ with D = Q·diag(d)·Qᵀ,
/// Q a seeded random rotation and d well separated (gaps ≥ 0.5), so eigenvectors are well conditioned and the two
/// eigensolvers (MathNet, LAPACK via libtorch) agree to ~ε‖H‖/gap.
/// </summary>
internal sealed record TorchOptimizerCase(Matrix<double> D, double C, Vector<double> U, Vector<double> Theta)
{
    /// <summary>The exponent 3 of x³, held for the process (a temporary Scalar can be freed mid-call; see TorchScalars).</summary>
    private static readonly Scalar CubeExponent = 3.ToScalar();

    internal CubicPerturbedQuadratic Reference => new(D, C, U);

    /// <summary>The same f as a tensor function in <paramref name="type"/> on <paramref name="device"/> (CPU when null; float32 rounds D, u, c once).</summary>
    internal Func<Tensor, Tensor> Function(ScalarType type, Device? device = null)
    {
        var d = TensorConvert.Matrix(D, type, device);
        var u = TensorConvert.Vector(U, type, device);
        double c = C;
        return x => x.dot(d.mv(x)).Times(0.5).Plus(u.dot(x).pow(CubeExponent).Times(c / 6));
    }

    /// <summary>The same problem with D, c, u and θ rounded to <paramref name="dtype"/>, so the reference sees the tensor's data.</summary>
    internal TorchOptimizerCase RoundedTo(ScalarType dtype)
    {
        if (dtype == ScalarType.Float64)
            return this;
        static double Round(double x) => (float)x;
        return new TorchOptimizerCase(D.Map(Round), Round(C), U.Map(Round), Theta.Map(Round));
    }

    internal static TorchOptimizerCase Random(int seed, int n)
    {
        var random = new System.Random(seed);
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var q = a.QR().Q;
        var d = Vector<double>.Build.Dense(n, i => -2 + 0.75 * i + 0.2 * random.NextDouble());
        var dm = q * Matrix<double>.Build.DiagonalOfDiagonalVector(d) * q.Transpose();
        dm = (dm + dm.Transpose()) / 2;
        var u = Vector<double>.Build.Dense(n, _ => random.NextDouble() - 0.5);
        var theta = Vector<double>.Build.Dense(n, _ => 2 * random.NextDouble() - 1);
        return new TorchOptimizerCase(dm, 0.3, u, theta);
    }
}
