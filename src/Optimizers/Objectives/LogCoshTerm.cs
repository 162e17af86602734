using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// φ(x) = s·log cosh x: φ' = s·tanh x, φ'' = s·sech²x ∈ (0, s], φ''' = −2s·tanh x·sech²x, whose magnitude peaks at
/// tanh²x = 1/3 with value 4/(3√3)·|s| ≈ 0.7698|s|.
/// </summary>
public sealed class LogCoshTerm : IScalarTerm
{
    /// <summary>sup_t 2t(1 − t²) over t ∈ [0, 1] is 4/(3√3) = 0.76980035891950…; rounded up.</summary>
    private const double PeakThird = 0.7698003589195011;

    /// <summary>The term s·log cosh x, s ≥ 0 (a convex, globally Lipschitz-Hessian loss).</summary>
    /// <exception cref="ArgumentException">s negative or not finite.</exception>
    public LogCoshTerm(double s) => S = Require.NonNegative(s, nameof(s));

    /// <summary>s.</summary>
    public double S { get; }

    /// <inheritdoc />
    public string Name => $"log-cosh(s={Require.Show(S)})";

    /// <inheritdoc />
    public double Value(double x)
    {
        double ax = Math.Abs(Require.Finite(x, nameof(x)));
        // log cosh x = |x| + log(1 + e^{−2|x|}) − log 2, without overflow for large |x|.
        return S * (ax + Math.Log(1 + Math.Exp(-2 * ax)) - Math.Log(2));
    }

    /// <inheritdoc />
    public double First(double x) => S * Math.Tanh(Require.Finite(x, nameof(x)));

    /// <inheritdoc />
    public double Second(double x) => S * Sech2(Require.Finite(x, nameof(x)));

    /// <inheritdoc />
    public double Third(double x) => -2 * S * Math.Tanh(Require.Finite(x, nameof(x))) * Sech2(x);

    /// <inheritdoc />
    public double ThirdBound => PeakThird * S * (1 + 1e-15);

    /// <inheritdoc />
    public double SecondInfimum => 0;

    /// <inheritdoc />
    public double SecondSupremum => S;

    /// <inheritdoc />
    public RationalInterval? ExactSecond(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactValue(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactFirst(double x) => null;

    private static double Sech2(double x)
    {
        double c = Math.Cosh(x);
        return double.IsInfinity(c) ? 0 : 1 / (c * c);
    }
}
