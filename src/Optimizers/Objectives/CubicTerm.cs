using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>φ(x) = (q/2)x² + (c/6)x³: φ'' = q + c·x (unbounded unless c = 0), φ''' = c, so sup|φ'''| = |c| exactly.</summary>
public sealed class CubicTerm : IScalarTerm
{
    /// <summary>The term with curvature <paramref name="q"/> at 0 and third derivative <paramref name="c"/>.</summary>
    /// <exception cref="ArgumentException">non-finite q or c.</exception>
    public CubicTerm(double q, double c)
    {
        Q = Require.Finite(q, nameof(q));
        C = Require.Finite(c, nameof(c));
    }

    /// <summary>q = φ''(0).</summary>
    public double Q { get; }

    /// <summary>c = φ'''.</summary>
    public double C { get; }

    /// <inheritdoc />
    public string Name => $"cubic(q={Require.Show(Q)}, c={Require.Show(C)})";

    /// <inheritdoc />
    public double Value(double x) => Require.Finite(x, nameof(x)) * x * (Q / 2 + C / 6 * x);

    /// <inheritdoc />
    public double First(double x) => Q * Require.Finite(x, nameof(x)) + C / 2 * x * x;

    /// <inheritdoc />
    public double Second(double x) => Q + C * Require.Finite(x, nameof(x));

    /// <inheritdoc />
    public double Third(double x)
    {
        Require.Finite(x, nameof(x));
        return C;
    }

    /// <inheritdoc />
    public double ThirdBound => Math.Abs(C);

    /// <inheritdoc />
    public double SecondInfimum => C == 0 ? Q : double.NegativeInfinity;

    /// <inheritdoc />
    public double SecondSupremum => C == 0 ? Q : double.PositiveInfinity;

    /// <inheritdoc />
    public RationalInterval? ExactValue(double x)
    {
        var xi = RationalInterval.Exact(Require.Finite(x, nameof(x)));
        return RationalInterval.Exact(Q) * xi * xi / RationalInterval.Exact(2.0) + RationalInterval.Exact(C) * xi * xi * xi / RationalInterval.Exact(6.0);
    }

    /// <inheritdoc />
    public RationalInterval? ExactFirst(double x)
    {
        var xi = RationalInterval.Exact(Require.Finite(x, nameof(x)));
        return RationalInterval.Exact(Q) * xi + RationalInterval.Exact(C) * xi * xi / RationalInterval.Exact(2.0);
    }

    /// <inheritdoc />
    public RationalInterval? ExactSecond(double x) => RationalInterval.Exact(Q) + RationalInterval.Exact(C) * RationalInterval.Exact(Require.Finite(x, nameof(x)));
}
