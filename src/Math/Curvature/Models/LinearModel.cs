using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// f(x, θ) = W·x̃ with x̃ = (x, 1) (a bias column) or x̃ = x (no bias), θ = vec(W) row-major, W ∈ ℝ^{M×|x̃|}:
/// J = I_M ⊗ x̃ᵀ, ∇²f^(m) = 0, so every split with b_n = f(x_n, ·) has b_n linear (eq. D.18).
/// </summary>
/// <remarks>
/// Range: every finite x and θ. f_m = Σ_j W[m,j]·x̃_j is within (D + 1)·u·Σ_j|W[m,j]·x̃_j| of its exact value (u = 2^-53,
/// plus 2^-1074 where subnormal) and ±∞ where that value is beyond ±double.MaxValue: outside [2^-100, 2^100] the sum is
/// carried by <see cref="ScaledSum"/>, so no product or partial sum over- or underflows first (W = (1e308, −1e308) with
/// bias 1e308 at x = (1, 1) gave ∞, exact 1e308; W = (2^350, −2^350) at x = (2^700, 2^700 − 2^648) gave NaN = ∞ − ∞,
/// exact 2^998). J and ∇²f are exact.
/// </remarks>
public sealed class LinearModel : ModelBase
{
    /// <summary>D inputs, M outputs, with or without a bias column.</summary>
    public LinearModel(int inputs, int outputs = 1, bool bias = true)
    {
        Bias = bias;
        InputDimension = AtLeast(inputs, 1, nameof(inputs));
        OutputDimension = AtLeast(outputs, 1, nameof(outputs));
    }

    /// <summary>Whether x̃ carries the constant 1.</summary>
    public bool Bias { get; }

    /// <summary>|x̃|: D + 1 with a bias, D without.</summary>
    public int Width => InputDimension + (Bias ? 1 : 0);

    /// <summary>x̃ as an array.</summary>
    public double[] Features(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Bias ? [.. x, 1.0] : x.ToArray();
    }

    /// <inheritdoc />
    public override string Name => $"linear(D={InputDimension},M={OutputDimension}{(Bias ? "" : ",no-bias")})";

    /// <inheritdoc />
    public override int InputDimension { get; }

    /// <inheritdoc />
    public override int OutputDimension { get; }

    /// <inheritdoc />
    public override int ParameterDimension => OutputDimension * Width;

    /// <inheritdoc />
    public override T[] Output<T>(Vector<double> x, T[] theta)
    {
        CheckGeneric(x, theta);
        int w = Width;
        var f = new T[OutputDimension];
        for (int m = 0; m < OutputDimension; m++)
        {
            T s = Bias ? theta[m * w + InputDimension] : T.Constant(0);
            for (int j = 0; j < InputDimension; j++)
                s += theta[m * w + j] * T.Constant(x[j]);
            f[m] = s;
        }
        return f;
    }

    /// <inheritdoc />
    protected override Vector<double> OutputUnchecked(Vector<double> x, Vector<double> theta)
    {
        if (ScaledSum.Ordinary(x) && ScaledSum.Ordinary(theta))
            return base.OutputUnchecked(x, theta); // bit for bit the plain sums, which stay normal here
        int w = Width;
        var f = Vector<double>.Build.Dense(OutputDimension);
        for (int m = 0; m < OutputDimension; m++)
        {
            var s = new ScaledSum();
            if (Bias)
                s.Add(theta[m * w + InputDimension]);
            for (int j = 0; j < InputDimension; j++)
                s.Add(theta[m * w + j], x[j]);
            f[m] = s.Value;
        }
        return f;
    }

    /// <inheritdoc />
    protected override Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta)
    {
        int w = Width;
        var j = Matrix<double>.Build.Dense(OutputDimension, ParameterDimension);
        for (int m = 0; m < OutputDimension; m++)
        {
            for (int k = 0; k < InputDimension; k++)
                j[m, m * w + k] = x[k];
            if (Bias)
                j[m, m * w + InputDimension] = 1;
        }
        return j;
    }

    /// <inheritdoc />
    protected override Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m) =>
        Matrix<double>.Build.Dense(ParameterDimension, ParameterDimension);
}
