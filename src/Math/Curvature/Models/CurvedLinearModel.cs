using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// f(x, θ) = xᵀθ + (κ/2)‖θ‖², scalar output, d = D: J = (x + κθ)ᵀ and ∇²f = κI, so f is β-smooth with β = |κ| exactly
/// (globally) — the model Prop. 7.2's smoothness constant is known for, and rational in rational inputs.
/// </summary>
/// <remarks>
/// Range: every finite x, θ and κ. f is within (2D + 3)·u·(Σ|x_jθ_j| + |κ|/2·Σθ_j²) of its exact value (u = 2^-53, plus
/// 2^-1074 where subnormal), J_j = x_j + κθ_j within 2u·(|x_j| + |κθ_j|) plus 2^-1074 (one rounding outside the ordinary range, on the subnormal grid where J_j is below 2^-1022: κ = 2^-600, θ = 2^-500, x = 0 gives 0), ∇²f = κI exactly; a value beyond
/// ±double.MaxValue is ±∞. Outside [2^-100, 2^100] f is carried by <see cref="ScaledSum"/> and J by a fused multiply-add,
/// so nothing over- or underflows first (κ = 1e-300, θ = 1e200 gave f = ∞ from θ² = ∞, exact 5e99; κ = 2^-1074 halved to
/// 0, so f(θ = 1e100, x = 0) was 0, exact 2.47e-124; J at x = −1e308, κ = 2e300, θ = 1e8 was ∞ from κθ, exact 1e308).
/// The generic <see cref="Output{T}"/> (forward mode) is the plain formula, for inputs in the ordinary range.
/// </remarks>
public sealed class CurvedLinearModel : ModelBase
{
    /// <summary>D = d inputs and parameters, curvature κ.</summary>
    public CurvedLinearModel(int inputs, double curvature)
    {
        InputDimension = AtLeast(inputs, 1, nameof(inputs));
        Curvature = Require.Finite(curvature, nameof(curvature));
    }

    /// <summary>κ.</summary>
    public double Curvature { get; }

    /// <inheritdoc />
    public override string Name => $"curved-linear(D={InputDimension},κ={Require.Show(Curvature)})";

    /// <inheritdoc />
    public override int InputDimension { get; }

    /// <inheritdoc />
    public override int OutputDimension => 1;

    /// <inheritdoc />
    public override int ParameterDimension => InputDimension;

    /// <inheritdoc />
    public override T[] Output<T>(Vector<double> x, T[] theta)
    {
        CheckGeneric(x, theta);
        T lin = T.Constant(0), sq = T.Constant(0);
        for (int j = 0; j < InputDimension; j++)
        {
            lin += T.Constant(x[j]) * theta[j];
            sq += theta[j] * theta[j];
        }
        return [lin + T.Constant(Curvature / 2) * sq];
    }

    /// <inheritdoc />
    protected override Vector<double> OutputUnchecked(Vector<double> x, Vector<double> theta)
    {
        if (Ordinary(x, theta))
            return base.OutputUnchecked(x, theta); // bit for bit the plain formula, whose products and sums stay normal here
        var s = new ScaledSum();
        for (int j = 0; j < InputDimension; j++)
            s.Add(x[j], theta[j]);
        for (int j = 0; j < InputDimension; j++)
            s.AddQuotient(2, Curvature, theta[j], theta[j]);
        return Vector<double>.Build.Dense(1, s.Value);
    }

    /// <inheritdoc />
    protected override Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta) =>
        Ordinary(x, theta)
            ? Matrix<double>.Build.Dense(1, InputDimension, (_, j) => x[j] + Curvature * theta[j])
            : Matrix<double>.Build.Dense(1, InputDimension, (_, j) => Math.FusedMultiplyAdd(Curvature, theta[j], x[j]));

    private bool Ordinary(Vector<double> x, Vector<double> theta) =>
        ScaledSum.Ordinary(Curvature) && ScaledSum.Ordinary(x) && ScaledSum.Ordinary(theta);

    /// <inheritdoc />
    protected override Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m) =>
        Curvature * Matrix<double>.Build.DenseIdentity(InputDimension);
}
