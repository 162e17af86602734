using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = ½θᵀDθ + (c/6)(uᵀθ)³: a quadratic with a rotated third-order term. ∇f = Dθ + (c/2)(uᵀθ)²u,
/// H = D + c(uᵀθ)uuᵀ, T[w] = c(uᵀw)uuᵀ, so ‖H(θ) − H(θ')‖₂ = |c|‖u‖²|uᵀ(θ − θ')| ≤ |c|‖u‖³‖θ − θ'‖ and
/// L_H = |c|‖u‖³ exactly (equality along u).
/// </summary>
public sealed class CubicPerturbedQuadratic : IThirdOrderObjective
{
    private readonly Matrix<double> d;
    private readonly Vector<double> u;
    private readonly double c;

    /// <summary>Creates the function with symmetric <paramref name="d"/>, cubic weight <paramref name="c"/> and direction <paramref name="u"/>.</summary>
    public CubicPerturbedQuadratic(Matrix<double> d, double c, Vector<double> u, string? name = null)
    {
        this.d = Require.Symmetric(d, nameof(d)).Clone();
        this.c = Require.Finite(c, nameof(c));
        this.u = Require.Finite(u, nameof(u)).Clone();
        Require.SameLength(this.d.RowCount, this.u.Count, nameof(u));
        double norm = this.u.L2Norm();
        HessianLipschitz = Math.Abs(c) * norm * norm * norm;
        if (!double.IsFinite(HessianLipschitz.Value))
            throw new ArgumentException($"|c|‖u‖³ must be finite, got {Require.Show(HessianLipschitz.Value)}.", nameof(c));
        Name = name ?? $"cubic-perturbed-quadratic(n={this.d.RowCount}, c={Require.Show(c)})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => d.RowCount;

    /// <inheritdoc />
    public double? HessianLipschitz { get; }

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        double s = Projection(theta);
        return 0.5 * theta.DotProduct(d * theta) + c / 6 * s * s * s;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        double s = Projection(theta);
        return d * theta + (c / 2 * s * s) * u;
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        double s = Projection(theta);
        return d + (c * s) * u.OuterProduct(u);
    }

    /// <inheritdoc />
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> w)
    {
        Projection(theta);
        Require.Finite(w, nameof(w));
        Require.SameLength(Dimension, w.Count, nameof(w));
        return (c * u.DotProduct(w)) * u.OuterProduct(u);
    }

    private double Projection(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
        return u.DotProduct(theta);
    }
}
