using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// φ(x) = a·cos x + b·x²: φ' = −a sin x + 2bx, φ'' = −a cos x + 2b ∈ [2b − |a|, 2b + |a|], φ''' = a sin x, so
/// sup|φ'''| = |a| (attained at x = π/2); both curvature signs occur when |2b| &lt; |a|.
/// </summary>
public sealed class CosineQuadraticTerm : IScalarTerm
{
    /// <summary>The term a·cos x + b·x².</summary>
    /// <exception cref="ArgumentException">non-finite a or b.</exception>
    public CosineQuadraticTerm(double a, double b)
    {
        A = Require.Finite(a, nameof(a));
        B = Require.Finite(b, nameof(b));
    }

    /// <summary>a.</summary>
    public double A { get; }

    /// <summary>b.</summary>
    public double B { get; }

    /// <inheritdoc />
    public string Name => $"cos-quadratic(a={Require.Show(A)}, b={Require.Show(B)})";

    /// <inheritdoc />
    public double Value(double x) => A * Math.Cos(Require.Finite(x, nameof(x))) + B * x * x;

    /// <inheritdoc />
    public double First(double x) => -A * Math.Sin(Require.Finite(x, nameof(x))) + 2 * B * x;

    /// <inheritdoc />
    public double Second(double x) => -A * Math.Cos(Require.Finite(x, nameof(x))) + 2 * B;

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
