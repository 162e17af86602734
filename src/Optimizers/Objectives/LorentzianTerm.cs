using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// The term with φ''(x) = β + s/(1 + x²): φ(x) = βx²/2 + s·(x·atan x − ½ln(1 + x²)), φ' = βx + s·atan x,
/// φ''' = −2s·x/(1 + x²)², whose magnitude peaks at x = 1/√3 with value (3√3/8)|s| ≈ 0.6495|s|.
/// φ'' is bounded (between β and β + s) and rational, so eigenvalue bounds (λ_sup) and Hessians are exact.
/// </summary>
public sealed class LorentzianTerm : IScalarTerm
{
    /// <summary>3√3/8 = 0.649519052838329…; rounded up.</summary>
    private const double PeakThird = 0.6495190528383291;

    /// <summary>The term with curvature β + s/(1 + x²).</summary>
    /// <exception cref="ArgumentException">non-finite β or s.</exception>
    public LorentzianTerm(double beta, double s)
    {
        Beta = Require.Finite(beta, nameof(beta));
        S = Require.Finite(s, nameof(s));
    }

    /// <summary>β, the curvature far from 0.</summary>
    public double Beta { get; }

    /// <summary>s, the bump height of φ'' at 0.</summary>
    public double S { get; }

    /// <inheritdoc />
    public string Name => $"lorentzian(β={Require.Show(Beta)}, s={Require.Show(S)})";

    /// <inheritdoc />
    public double Value(double x)
    {
        Require.Finite(x, nameof(x));
        return Beta * x * x / 2 + S * (x * Math.Atan(x) - 0.5 * Math.Log(1 + x * x));
    }

    /// <inheritdoc />
    public double First(double x) => Beta * Require.Finite(x, nameof(x)) + S * Math.Atan(x);

    /// <inheritdoc />
    public double Second(double x) => Beta + S / (1 + Require.Finite(x, nameof(x)) * x);

    /// <inheritdoc />
    public double Third(double x)
    {
        double d = 1 + Require.Finite(x, nameof(x)) * x;
        return -2 * S * x / (d * d);
    }

    /// <inheritdoc />
    public double ThirdBound => PeakThird * Math.Abs(S) * (1 + 1e-15);

    /// <inheritdoc />
    public double SecondInfimum => S >= 0 ? Beta : Beta + S;

    /// <inheritdoc />
    public double SecondSupremum => S >= 0 ? Beta + S : Beta;

    /// <inheritdoc />
    public RationalInterval? ExactSecond(double x)
    {
        var xi = RationalInterval.Exact(Require.Finite(x, nameof(x)));
        return RationalInterval.Exact(Beta) + RationalInterval.Exact(S) / (RationalInterval.Exact(1.0) + xi * xi);
    }

    /// <inheritdoc />
    public RationalInterval? ExactValue(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactFirst(double x) => null;
}
