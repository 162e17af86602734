using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Numerics.Exact;

namespace Verification.Checks.Problems;

/// <summary>
/// The quadratic of a <see cref="QuadraticCase"/> with a correctly rounded oracle: f(θ) and ∇f(θ) are the exact values
/// rounded to the nearest double (H = A is exact), so at every iterate of a run the optimizer sees ∇f with relative
/// error ≤ 2⁻⁵³ per entry. Trajectory properties replay many steps from arbitrary double iterates, where a plain
/// double oracle Aθ − b can cancel to any relative error and a correct optimizer could then go uphill.
/// </summary>
internal sealed class RoundedQuadratic(QuadraticCase c, Fraction[,] a, Matrix<double> hessian) : IObjective
{
    private readonly Fraction[] b = ExactLinearAlgebra.Of(c.Linear);

    public string Name => "generated-quadratic";

    public int Dimension => c.Dimension;

    /// <summary>A, exactly.</summary>
    internal Fraction[,] A => a;

    /// <summary>The case.</summary>
    internal QuadraticCase Case => c;

    public double Value(Vector<double> theta) => ExactLinearAlgebra.ToDouble(ExactValue(Check(theta)));

    public Vector<double> Gradient(Vector<double> theta) =>
        Vector<double>.Build.DenseOfEnumerable(ExactGradient(Check(theta)).Select(ExactLinearAlgebra.ToDouble));

    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        return hessian.Clone();
    }

    /// <summary>f(x), exactly.</summary>
    internal Fraction ExactValue(Fraction[] x) => ExactLinearAlgebra.Dot(x, ExactLinearAlgebra.Times(a, x)) / 2 - ExactLinearAlgebra.Dot(b, x);

    /// <summary>∇f(x) = Ax − b, exactly.</summary>
    internal Fraction[] ExactGradient(Fraction[] x) => ExactLinearAlgebra.Subtract(ExactLinearAlgebra.Times(a, x), b);

    private Fraction[] Check(Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != Dimension)
            throw new ArgumentException($"theta must have length {Dimension}, got {theta.Count}.", nameof(theta));
        if (!theta.All(double.IsFinite))
            throw new ArgumentException("theta must be finite.", nameof(theta));
        return ExactLinearAlgebra.Of(theta);
    }

    /// <summary>The rounded quadratic of <paramref name="c"/>, or null with the reason (as <see cref="QuadraticCase.Build"/>).</summary>
    internal static (RoundedQuadratic? Objective, string? Rejected) Of(QuadraticCase c)
    {
        var (objective, a, rejected) = c.Build();
        if (objective is null)
            return (null, rejected);
        if ((Properties.QuadraticStep.OutsideNormalRange("θ", c.Theta) ?? Properties.QuadraticStep.OutsideNormalRange("b", c.Linear)
            ?? Properties.QuadraticStep.OutsideNormalRange("λ", c.Eigenvalues)) is { } tiny)
            return (null, tiny);
        return (new RoundedQuadratic(c, a, objective.A), null);
    }
}
