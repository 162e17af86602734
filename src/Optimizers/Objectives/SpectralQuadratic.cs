using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Random;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = ½θᵀAθ − bᵀθ with A = Q·diag(λ)·Qᵀ built from chosen eigenvalues (any signs, zeros included) and a seeded
/// random rotation Q. H = A is constant, so T(θ)[u] = 0, L_H = 0 of eq. (2) and every constant of Assumption 2 is 0.
/// </summary>
public sealed class SpectralQuadratic : IExactObjective
{
    private readonly Matrix<double> a;
    private readonly Vector<double> b;
    private readonly Quadratic quadratic;

    private SpectralQuadratic(Matrix<double> a, Vector<double> b, double[] eigenvalues, string name)
    {
        this.a = a;
        this.b = b;
        quadratic = new Quadratic(a, b, name);
        Eigenvalues = eigenvalues;
        Name = name;
    }

    /// <summary>
    /// A = Q·diag(<paramref name="eigenvalues"/>)·Qᵀ with Q = <see cref="RandomOrthogonal.Draw(int, int)"/>(n, <paramref name="seed"/>) (Haar),
    /// symmetrized exactly ((A + Aᵀ)/2) so that the stored Hessian is symmetric to the bit. With
    /// <paramref name="seed"/> null, Q = I (A diagonal, the eigenbasis exactly the coordinate axes).
    /// Accuracy (u = 2^-53): A_ij within γ_{n+2}·Σ_k|q_ik λ_k q_jk| + (n + 2)·2^-1074 of the exact Σ_k q_ik λ_k q_jk of the
    /// computed Q (one rounding of q_ik·λ_k, γ_n for the sum over k, one for raw + rawᵀ; the halving exact but for a
    /// subnormal's 2^-1075); without a seed A = diag(λ) exactly.
    /// </summary>
    /// <exception cref="ArgumentException">non-finite eigenvalues or linear term, or a length mismatch.</exception>
    public static SpectralQuadratic FromEigenvalues(IReadOnlyList<double> eigenvalues, IReadOnlyList<double> linear, int? seed)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        ArgumentNullException.ThrowIfNull(linear);
        var lambda = Require.Finite(Vector<double>.Build.DenseOfEnumerable(eigenvalues), nameof(eigenvalues));
        var bv = Require.Finite(Vector<double>.Build.DenseOfEnumerable(linear), nameof(linear));
        Require.SameLength(lambda.Count, bv.Count, nameof(linear));
        int n = lambda.Count;
        Matrix<double> a;
        if (seed is int s)
        {
            var q = RandomOrthogonal.Draw(n, s);
            // (raw + rawᵀ)/2 overflows for entries above MaxValue/2: there QΛQᵀ is formed for Λ/2 (exact but for a subnormal λ's
            // last bit, 2^-1075, far below the rounding u·max|λ| of QΛQᵀ) and the halves added: the same symmetrization.
            bool huge = lambda.AbsoluteMaximum() > Math.ScaleB(1.0, 1000);
            var raw = q * Matrix<double>.Build.DiagonalOfDiagonalVector(huge ? lambda / 2 : lambda) * q.Transpose();
            a = huge ? raw + raw.Transpose() : (raw + raw.Transpose()) / 2;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (!double.IsFinite(a[i, j]))
                        throw new ArgumentException(
                            $"QΛQᵀ has entry ({i}, {j}) beyond ±double.MaxValue: eigenvalues within n·2^-53 of ±double.MaxValue are outside the range.",
                            nameof(eigenvalues));
        }
        else
            a = Matrix<double>.Build.DenseOfDiagonalVector(lambda);
        string name = $"spectral-quadratic(λ={Require.ShowAll(eigenvalues)}, seed={(seed is null ? "none" : seed.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
        return new SpectralQuadratic(a, bv, [.. lambda.OrderBy(x => x)], name);
    }

    /// <summary>The requested eigenvalues λ_1 ≤ … ≤ λ_n (A's are these up to the rounding of QΛQᵀ).</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>A as stored (a copy): the exact Hessian of this function.</summary>
    public Matrix<double> A => a.Clone();

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => a.RowCount;

    /// <inheritdoc />
    public double? HessianLipschitz => 0.0;

    /// <summary>Assumption 2's constants: all 0 (H is constant), proven.</summary>
    public EigenspaceLipschitz EigenspaceConstants => new(new double[Dimension], true, "any eigenbasis of A: the Hessian is constant");

    /// <inheritdoc />
    public double Value(Vector<double> theta) => quadratic.Value(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => quadratic.Gradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => quadratic.Hessian(theta);

    /// <inheritdoc />
    public Vector<double> HessianVectorProduct(Vector<double> theta, Vector<double> v) => quadratic.HessianVectorProduct(theta, v);

    /// <inheritdoc />
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u) => quadratic.ThirdDerivativeAlong(theta, u);

    /// <inheritdoc />
    public RationalInterval ExactValue(IReadOnlyList<double> theta)
    {
        var t = ExactTheta(theta);
        var at = ExactLinearAlgebra.Times(ExactLinearAlgebra.Exact(a), t);
        return ExactLinearAlgebra.Dot(t, at) / RationalInterval.Exact(2.0) - ExactLinearAlgebra.Dot(ExactLinearAlgebra.Exact(b.ToArray()), t);
    }

    /// <inheritdoc />
    public RationalInterval[] ExactGradient(IReadOnlyList<double> theta)
    {
        var t = ExactTheta(theta);
        var at = ExactLinearAlgebra.Times(ExactLinearAlgebra.Exact(a), t);
        return at.Select((x, i) => x - RationalInterval.Exact(b[i])).ToArray();
    }

    /// <inheritdoc />
    public RationalInterval[,] ExactHessian(IReadOnlyList<double> theta)
    {
        ExactTheta(theta);
        return ExactLinearAlgebra.Exact(a);
    }

    private RationalInterval[] ExactTheta(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        Check(Vector<double>.Build.DenseOfEnumerable(theta));
        return ExactLinearAlgebra.Exact(theta);
    }

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
