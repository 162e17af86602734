using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>φ(x) = (q/2)x² + (c/6)x³: φ'' = q + c·x (unbounded unless c = 0), φ''' = c, so sup|φ'''| = |c| exactly.</summary>
/// <remarks>
/// Range: every finite q, c, x; a value or derivative is ±∞ exactly where its exact value is beyond ±double.MaxValue
/// (IEEE overflow, so that a diverging run is recorded as non-finite by Trajectory.Record).
/// Each monomial is formed by <see cref="ScaledSum"/> (no partial product overflows or underflows: the former
/// x·x·(q/2 + c/6·x) gave ∞ at x = 1e160, q = 0, c = 1e-200, where φ = 1.67e279, and c/6 kept only a few bits for
/// subnormal c). Accuracy, u = 2^-53: φ within 6u·(|q x²/2| + |c x³/6|), φ′ within 4u·(|q x| + |c x²/2|), φ″ within
/// 3u·(|q| + |c x|) of the exact value (γ_k &lt; (k + 1)u for their k = 5, 3, 2 roundings), plus 2^-1074 where the result is subnormal (cancellation between the monomials
/// is the only loss, and it is the conditioning of the sum).
/// </remarks>
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
    public double Value(double x)
    {
        Require.Finite(x, nameof(x));
        if (ScaledSum.Ordinary(Q, C, x))
            return x * x * (Q / 2 + C / 6 * x);
        var sum = new ScaledSum();
        sum.AddQuotient(2, Q, x, x);
        sum.AddQuotient(6, C, x, x, x);
        return sum.Value;
    }

    /// <inheritdoc />
    public double First(double x)
    {
        Require.Finite(x, nameof(x));
        if (ScaledSum.Ordinary(Q, C, x))
            return Q * x + C / 2 * x * x;
        var sum = new ScaledSum();
        sum.Add(Q, x);
        sum.AddQuotient(2, C, x, x);
        return sum.Value;
    }

    /// <inheritdoc />
    public double Second(double x)
    {
        Require.Finite(x, nameof(x));
        if (ScaledSum.Ordinary(Q, C, x))
            return Q + C * x;
        var sum = new ScaledSum();
        sum.Add(Q);
        sum.Add(C, x);
        return sum.Value;
    }

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
