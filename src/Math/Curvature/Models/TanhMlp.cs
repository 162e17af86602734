using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// One hidden tanh layer: a = W₁x̃, h = tanh(a), f = W₂h̃ with x̃ = (x, 1), h̃ = (h, 1); θ = (vec W₁, vec W₂) row-major,
/// W₁ ∈ ℝ^{H×(D+1)}, W₂ ∈ ℝ^{M×(H+1)}. With s_k = 1 − h_k²:
/// ∂f_m/∂W₂[m,k] = h̃_k; ∂f_m/∂W₁[k,j] = W₂[m,k]·s_k·x̃_j;
/// ∂²f_m/∂W₂[m,k]∂W₁[k,j] = s_k·x̃_j; ∂²f_m/∂W₁[k,j]∂W₁[k,j'] = −2W₂[m,k]·h_k·s_k·x̃_j·x̃_j'; all other second derivatives 0.
/// </summary>
public sealed class TanhMlp : ModelBase
{
    /// <summary>D inputs, H hidden units, M outputs.</summary>
    public TanhMlp(int inputs, int hidden, int outputs = 1)
    {
        InputDimension = AtLeast(inputs, 1, nameof(inputs));
        Hidden = AtLeast(hidden, 1, nameof(hidden));
        OutputDimension = AtLeast(outputs, 1, nameof(outputs));
    }

    /// <summary>H.</summary>
    public int Hidden { get; }

    /// <inheritdoc />
    public override string Name => $"tanh-mlp(D={InputDimension},H={Hidden},M={OutputDimension})";

    /// <inheritdoc />
    public override int InputDimension { get; }

    /// <inheritdoc />
    public override int OutputDimension { get; }

    /// <inheritdoc />
    public override int ParameterDimension => Hidden * (InputDimension + 1) + OutputDimension * (Hidden + 1);

    private int W1(int k, int j) => k * (InputDimension + 1) + j;

    private int W2(int m, int k) => Hidden * (InputDimension + 1) + m * (Hidden + 1) + k;

    private double XTilde(Vector<double> x, int j) => j < InputDimension ? x[j] : 1;

    /// <inheritdoc />
    public override T[] Output<T>(Vector<double> x, T[] theta)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(theta);
        var h = new T[Hidden];
        for (int k = 0; k < Hidden; k++)
        {
            T a = theta[W1(k, InputDimension)];
            for (int j = 0; j < InputDimension; j++)
                a += theta[W1(k, j)] * T.Constant(x[j]);
            h[k] = T.Tanh(a);
        }
        var f = new T[OutputDimension];
        for (int m = 0; m < OutputDimension; m++)
        {
            T s = theta[W2(m, Hidden)];
            for (int k = 0; k < Hidden; k++)
                s += theta[W2(m, k)] * h[k];
            f[m] = s;
        }
        return f;
    }

    private double[] HiddenActivations(Vector<double> x, Vector<double> theta)
    {
        var h = new double[Hidden];
        for (int k = 0; k < Hidden; k++)
        {
            double a = 0;
            for (int j = 0; j <= InputDimension; j++)
                a += theta[W1(k, j)] * XTilde(x, j);
            h[k] = Math.Tanh(a);
        }
        return h;
    }

    /// <inheritdoc />
    protected override Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta)
    {
        var h = HiddenActivations(x, theta);
        var jac = Matrix<double>.Build.Dense(OutputDimension, ParameterDimension);
        for (int m = 0; m < OutputDimension; m++)
        {
            for (int k = 0; k < Hidden; k++)
            {
                jac[m, W2(m, k)] = h[k];
                double s = 1 - h[k] * h[k];
                for (int j = 0; j <= InputDimension; j++)
                    jac[m, W1(k, j)] = theta[W2(m, k)] * s * XTilde(x, j);
            }
            jac[m, W2(m, Hidden)] = 1;
        }
        return jac;
    }

    /// <inheritdoc />
    protected override Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m)
    {
        var h = HiddenActivations(x, theta);
        var hess = Matrix<double>.Build.Dense(ParameterDimension, ParameterDimension);
        for (int k = 0; k < Hidden; k++)
        {
            double s = 1 - h[k] * h[k];
            double c = -2 * theta[W2(m, k)] * h[k] * s;
            for (int j = 0; j <= InputDimension; j++)
            {
                double mixed = s * XTilde(x, j);
                hess[W2(m, k), W1(k, j)] = mixed;
                hess[W1(k, j), W2(m, k)] = mixed;
                for (int j2 = 0; j2 <= InputDimension; j2++)
                    hess[W1(k, j), W1(k, j2)] = c * XTilde(x, j) * XTilde(x, j2);
            }
        }
        return hess;
    }
}
