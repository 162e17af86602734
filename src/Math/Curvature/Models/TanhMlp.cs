using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Models;

/// <summary>
/// One hidden tanh layer: a = W₁x̃, h = tanh(a), f = W₂h̃ with x̃ = (x, 1), h̃ = (h, 1); θ = (vec W₁, vec W₂) row-major,
/// W₁ ∈ ℝ^{H×(D+1)}, W₂ ∈ ℝ^{M×(H+1)}. With s_k = 1 − h_k²:
/// ∂f_m/∂W₂[m,k] = h̃_k; ∂f_m/∂W₁[k,j] = W₂[m,k]·s_k·x̃_j;
/// ∂²f_m/∂W₂[m,k]∂W₁[k,j] = s_k·x̃_j; ∂²f_m/∂W₁[k,j]∂W₁[k,j'] = −2W₂[m,k]·h_k·s_k·x̃_j·x̃_j'; all other second derivatives 0.
/// </summary>
/// <remarks>
/// Range: every finite x and θ. s_k = sech²a_k is formed as (q/(1 + q²/4))² with q = 2e^{−|a_k|} (1 − h_k² cancelled:
/// relative error ≈ u·e^{2|a|}, and 0 from |a| ≈ 19 on, where the exact s is still above 1e-17), and carried as m·2^e so
/// that its products with x̃ and W₂ are not lost where s alone is below the double range (a = 400 at x = 2^600, W₂ = 1:
/// ∂f/∂W₁ = 4e^{−800}·2^600 ≈ 6.09e-167 was 0). a_k and f_m are sums of products, carried by <see cref="ScaledSum"/>
/// outside [2^-100, 2^100] (a = 1e200·1e200 − 1e200·1e200 gave NaN, exact 0; f = 1e308 + 1e308·h₁ − 1e308·h₂ at
/// h₁ = h₂ = 1 gave ∞, exact 1e308), and the entries of J and ∇²f are products of two to six factors with one final
/// scaling (<see cref="ScaledSum.Product(int, ReadOnlySpan{double})"/>: −2·W₂·h at W₂ = 1e-250, h = 1e-150 underflowed
/// to 0 before the factors x̃² = 2^800). Accuracy for a given a_k: h_k within 2 ulp (the platform tanh), s_k within 6u,
/// the entries of J and ∇²f within (6 + factors)·u of the exact products with the exact h_k and s_k (plus 2^-1074 where
/// subnormal); a_k and f_m within (D + 1)·u and (H + 1)·u times the sum of their terms' magnitudes (f also carries h's
/// error); ±∞ where an exact value is beyond ±double.MaxValue. The generic <see cref="Output{T}"/> (forward mode) is the
/// plain formula, for inputs in the ordinary range.
/// </remarks>
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
        CheckGeneric(x, theta);
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

    /// <summary>
    /// a_k = Σ_j W₁[k,j]·x̃_j (bias last), h_k = tanh a_k and s_k = sech²a_k = 1 − h_k² as m·2^e (see the remarks). Inside
    /// [2^-100, 2^100] the plain sum (bit for bit); outside, <see cref="ScaledSum"/> (±∞ where the exact a_k is beyond the
    /// double range, and then h = ±1, s = 0, the correctly rounded limits).
    /// </summary>
    private (double[] H, (double Mantissa, int Exponent)[] S) HiddenActivations(Vector<double> x, Vector<double> theta)
    {
        bool ordinary = ScaledSum.Ordinary(x) && ScaledSum.Ordinary(theta);
        var h = new double[Hidden];
        var s = new (double, int)[Hidden];
        for (int k = 0; k < Hidden; k++)
        {
            double a;
            if (ordinary)
            {
                a = 0;
                for (int j = 0; j <= InputDimension; j++)
                    a += theta[W1(k, j)] * XTilde(x, j);
            }
            else
            {
                var sum = new ScaledSum();
                for (int j = 0; j <= InputDimension; j++)
                    sum.Add(theta[W1(k, j)], XTilde(x, j));
                a = sum.Value;
            }
            h[k] = Math.Tanh(a);
            s[k] = SechSquaredScaled(a);
        }
        return (h, s);
    }

    /// <summary>
    /// sech²a = 4e^{−2|a|}/(1 + e^{−2|a|})² as (q/(1 + q²/4))² with q = 2e^{−|a|}: positive terms only (no cancellation),
    /// and q is a normal double wherever the result is not 0 (|a| ≤ 373), so the only underflow is the final square's:
    /// within 6u (exp 1u, q²/4 1u, the sum ½u, the quotient 1u, the square doubles these and adds ½u; ≤ 2^-1074 absolute
    /// below 2^-1022). ±∞ gives 0.
    /// </summary>
    internal static double SechSquared(double a)
    {
        double q = 2 * Math.Exp(-Math.Abs(a));
        double r = q / (1 + q * q / 4);
        return r * r;
    }

    /// <summary>
    /// sech²a as m·2^e, for where it is below the double range but a product with x̃ or W₂ (up to 2^3072) is not: for
    /// |a| ≤ 350, <see cref="SechSquared"/> (a normal double, split exactly); for 350 &lt; |a| ≤ 2200, 4e^{−2|a|} (the
    /// factor (1 + e^{−2|a|})^{−2} is 1 to 2e^{−700} &lt; 2^-1000) with e^{−2|a|} from <see cref="AutoDiff.ScaledDerivative.Exp"/>
    /// (the platform exp where normal, else its Cody–Waite reduction: within 3u, ScaledExp's derivation) and the factor 4
    /// and the split into m ∈ [1, 2) exact, so within 3u; beyond, 0 (below 2^-6300: every product of it with at most three
    /// finite doubles underflows).
    /// </summary>
    internal static (double Mantissa, int Exponent) SechSquaredScaled(double a)
    {
        double abs = Math.Abs(a);
        if (abs <= 350)
        {
            double s = SechSquared(a);
            int e = Math.ILogB(s);
            return (Math.ScaleB(s, -e), e);
        }
        if (abs > 2200)
            return (0, 0);
        var (m, k) = AutoDiff.ScaledDerivative.Exp(-2 * abs).Parts;
        int shift = Math.ILogB(m);
        return (Math.ScaleB(m, -shift), k + shift + 2);
    }

    /// <inheritdoc />
    protected override Vector<double> OutputUnchecked(Vector<double> x, Vector<double> theta)
    {
        if (ScaledSum.Ordinary(x) && ScaledSum.Ordinary(theta))
            return base.OutputUnchecked(x, theta); // bit for bit the plain formula, whose products and sums stay normal here
        var h = new double[Hidden];
        for (int k = 0; k < Hidden; k++)
        {
            var a = new ScaledSum();
            a.Add(theta[W1(k, InputDimension)]);
            for (int j = 0; j < InputDimension; j++)
                a.Add(theta[W1(k, j)], x[j]);
            h[k] = Math.Tanh(a.Value);
        }
        var f = Vector<double>.Build.Dense(OutputDimension);
        for (int m = 0; m < OutputDimension; m++)
        {
            var sum = new ScaledSum();
            sum.Add(theta[W2(m, Hidden)]);
            for (int k = 0; k < Hidden; k++)
                sum.Add(theta[W2(m, k)], h[k]);
            f[m] = sum.Value;
        }
        return f;
    }

    /// <inheritdoc />
    protected override Matrix<double> JacobianUnchecked(Vector<double> x, Vector<double> theta)
    {
        var (h, s) = HiddenActivations(x, theta);
        var jac = Matrix<double>.Build.Dense(OutputDimension, ParameterDimension);
        for (int m = 0; m < OutputDimension; m++)
        {
            for (int k = 0; k < Hidden; k++)
            {
                jac[m, W2(m, k)] = h[k];
                for (int j = 0; j <= InputDimension; j++)
                    jac[m, W1(k, j)] = ScaledSum.Product(s[k].Exponent, theta[W2(m, k)], s[k].Mantissa, XTilde(x, j));
            }
            jac[m, W2(m, Hidden)] = 1;
        }
        return jac;
    }

    /// <inheritdoc />
    protected override Matrix<double> OutputHessianUnchecked(Vector<double> x, Vector<double> theta, int m)
    {
        var (h, s) = HiddenActivations(x, theta);
        var hess = Matrix<double>.Build.Dense(ParameterDimension, ParameterDimension);
        for (int k = 0; k < Hidden; k++)
        {
            for (int j = 0; j <= InputDimension; j++)
            {
                double mixed = ScaledSum.Product(s[k].Exponent, s[k].Mantissa, XTilde(x, j));
                hess[W2(m, k), W1(k, j)] = mixed;
                hess[W1(k, j), W2(m, k)] = mixed;
                for (int j2 = 0; j2 <= InputDimension; j2++)
                    hess[W1(k, j), W1(k, j2)] = ScaledSum.Product(s[k].Exponent, -2, theta[W2(m, k)], h[k], s[k].Mantissa, XTilde(x, j), XTilde(x, j2));
            }
        }
        return hess;
    }
}
