using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// φ(x) = a·cos x + b·x²: φ' = −a sin x + 2bx, φ'' = −a cos x + 2b ∈ [2b − |a|, 2b + |a|], φ''' = a sin x, so
/// sup|φ'''| = |a| (attained at x = π/2); both curvature signs occur when |2b| &lt; |a|.
/// </summary>
/// <remarks>
/// Range: |a| + 2|b| ≤ double.MaxValue (so that the curvature range [2b − |a|, 2b + |a|] is finite) and every finite x;
/// a value or slope is ±∞ exactly where its exact value is beyond ±double.MaxValue (IEEE overflow). The products are formed by
/// <see cref="ScaledSum"/> (the former 2·b·x gave ∞ at b = 1e308, x = 1e-10, where φ′ = 2e298; such b are now outside the
/// range, as 2b + |a|, the supremum of φ″, has no double).
/// Accuracy, u = 2^-53, with c and s the platform's Math.Cos(x) and Math.Sin(x) (glibc: within 1 ulp of cos x, sin x):
/// φ within 4u·(|a c| + |b x²|), φ′ within 3u·(|a s| + |2b x|), φ″ within 3u·(|a c| + |2b|), φ‴ within u·|a s|, plus
/// |a| times the error of Math.Cos/Math.Sin, plus 2^-1074 where the result is subnormal.
/// </remarks>
public sealed class CosineQuadraticTerm : IScalarTerm
{
    /// <summary>The term a·cos x + b·x².</summary>
    /// <exception cref="ArgumentException">non-finite a or b, or |a| + 2|b| &gt; double.MaxValue.</exception>
    public CosineQuadraticTerm(double a, double b)
    {
        A = Require.Finite(a, nameof(a));
        B = Require.Finite(b, nameof(b));
        if (Math.Abs(a) / 2 + Math.Abs(b) > double.MaxValue / 2)
            throw new ArgumentException(
                $"|a| + 2|b| must be ≤ double.MaxValue (the curvature range [2b − |a|, 2b + |a|] is finite), got a = {Require.Show(a)}, b = {Require.Show(b)}.",
                nameof(b));
    }

    /// <summary>a.</summary>
    public double A { get; }

    /// <summary>b.</summary>
    public double B { get; }

    /// <inheritdoc />
    public string Name => $"cos-quadratic(a={Require.Show(A)}, b={Require.Show(B)})";

    /// <inheritdoc />
    public double Value(double x)
    {
        if (ScaledSum.Ordinary(A, B, Require.Finite(x, nameof(x))))
            return A * Math.Cos(x) + B * x * x;
        var sum = new ScaledSum();
        sum.Add(A, Math.Cos(x));
        sum.Add(B, x, x);
        return sum.Value;
    }

    /// <inheritdoc />
    public double First(double x)
    {
        if (ScaledSum.Ordinary(A, B, Require.Finite(x, nameof(x))))
            return -A * Math.Sin(x) + 2 * B * x;
        var sum = new ScaledSum();
        sum.Add(-A, Math.Sin(x));
        sum.Add(2, B, x);
        return sum.Value;
    }

    /// <inheritdoc />
    public double Second(double x)
    {
        if (ScaledSum.Ordinary(A, B, Require.Finite(x, nameof(x))))
            return -A * Math.Cos(x) + 2 * B;
        var sum = new ScaledSum();
        sum.Add(-A, Math.Cos(x));
        sum.Add(2, B);
        return sum.Value; // |φ″| ≤ |a| + 2|b| ≤ double.MaxValue (constructor)
    }

    /// <inheritdoc />
    public double Third(double x) => A * Math.Sin(Require.Finite(x, nameof(x)));

    /// <inheritdoc />
    public double ThirdBound => Math.Abs(A);

    /// <inheritdoc />
    public double SecondInfimum => 2 * B - Math.Abs(A);

    /// <inheritdoc />
    public double SecondSupremum => 2 * B + Math.Abs(A);

    /// <inheritdoc />
    public RationalInterval? ExactSecond(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactValue(double x) => null;

    /// <inheritdoc />
    public RationalInterval? ExactFirst(double x) => null;
}
