using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// f(θ) = F + Σ_i (a_i d_i + ½λ_i d_i² + (c_i/6) d_i³), d = θ − z, with f, ∇f and the diagonal H each computed in exact
/// rationals and rounded once (so at θ = z: f = F, ∇f = a and H = diag(λ) exactly). Values beyond ±double.MaxValue round
/// to ±∞ as IEEE does; <see cref="Exact"/> gives f itself, for the references.
/// </summary>
internal sealed class RoundedSeparableCubic(double offset, double[] z, double[] a, double[] lambda, double[] c) : IObjective
{
    public string Name => "rounded separable cubic";

    public int Dimension => z.Length;

    /// <summary>f(θ) exactly, θ given as rationals.</summary>
    public Fraction Exact(Fraction[] theta)
    {
        var sum = ExactDouble.ToFraction(offset);
        for (int i = 0; i < z.Length; i++)
        {
            var d = theta[i] - ExactDouble.ToFraction(z[i]);
            sum += d * (ExactDouble.ToFraction(a[i]) + d * (ExactDouble.ToFraction(lambda[i]) / 2 + d * ExactDouble.ToFraction(c[i]) / 6));
        }
        return sum;
    }

    public double Value(Vector<double> theta) => ExactDouble.ToDouble(Exact(Checked(theta)));

    public Vector<double> Gradient(Vector<double> theta)
    {
        var t = Checked(theta);
        return Vector<double>.Build.Dense(z.Length, i =>
        {
            var d = t[i] - ExactDouble.ToFraction(z[i]);
            return ExactDouble.ToDouble(ExactDouble.ToFraction(a[i]) + d * (ExactDouble.ToFraction(lambda[i]) + d * ExactDouble.ToFraction(c[i]) / 2));
        });
    }

    public Matrix<double> Hessian(Vector<double> theta)
    {
        var t = Checked(theta);
        return Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, z.Length)
            .Select(i => ExactDouble.ToDouble(ExactDouble.ToFraction(lambda[i]) + (t[i] - ExactDouble.ToFraction(z[i])) * ExactDouble.ToFraction(c[i])))
            .ToArray());
    }

    /// <summary>θ as rationals, after the contract's checks (length n, finite entries).</summary>
    private Fraction[] Checked(Vector<double> theta)
    {
        if (theta.Count != z.Length || !theta.All(double.IsFinite))
            throw new ArgumentException($"theta must be {z.Length} finite numbers.", nameof(theta));
        return theta.Select(ExactDouble.ToFraction).ToArray();
    }
}
