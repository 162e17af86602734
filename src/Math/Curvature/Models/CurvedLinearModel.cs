using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// f(x, θ) = xᵀθ + (κ/2)‖θ‖², scalar output, d = D: J = (x + κθ)ᵀ and ∇²f = κI, so f is β-smooth with β = |κ| exactly
/// (globally) — the model Prop. 7.2's smoothness constant is known for, and rational in rational inputs.
/// </summary>
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
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(theta);
        T lin = T.Constant(0), sq = T.Constant(0);
        for (int j = 0; j < InputDimension; j++)
        {
            lin += T.Constant(x[j]) * theta[j];
            sq += theta[j] * theta[j];
        }
        return [lin + T.Constant(Curvature / 2) * sq];
    }

    /// <inheritdoc />
    protected override Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta) =>
        Matrix<double>.Build.Dense(1, InputDimension, (_, j) => x[j] + Curvature * theta[j]);

    /// <inheritdoc />
    protected override Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m) =>
        Curvature * Matrix<double>.Build.DenseIdentity(InputDimension);
}
