using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;

namespace Verification.Optimizers.Objectives;

/// <summary>
/// f(θ) = Σ_i φ_i(θ_i). H(θ) = diag(φ_i''(θ_i)) and T(θ)[u] = diag(φ_i'''(θ_i)·u_i), so
/// ‖H(θ) − H(θ')‖₂ = max_i |φ_i''(θ_i) − φ_i''(θ'_i)| ≤ max_i sup|φ_i'''|·‖θ − θ'‖₂: L_H = max_i sup|φ_i'''| (eq. 2),
/// and along the coordinate eigenvectors e_i each eigenvalue moves with constant sup|φ_i'''| (Assumption 2, first line,
/// in the unsorted coordinate basis).
/// </summary>
/// <remarks>
/// Range: the terms' ranges; a value or T[u] entry is ±∞ exactly where its exact value is beyond ±double.MaxValue (IEEE
/// overflow), and an <see cref="ArgumentException"/> where terms overflow to +∞ and −∞ together (the sum has no sign). The
/// value Σφ_i is summed by <see cref="ScaledSum"/>, so a partial sum never overflows where the total does not (the former
/// running sum gave ∞ for the terms' values 1e308, 1e308, −1e308, whose sum is 1e308). Accuracy: the terms' own errors plus
/// (n − 1)u·Σ|φ_i| (u = 2^-53, n terms) for the value; T[u]'s entries φ_i'''·u_i with one more rounding than φ_i'''.
/// </remarks>
public sealed class SeparableObjective : IExactObjective
{
    private readonly IScalarTerm[] terms;

    /// <summary>The sum of <paramref name="terms"/>, term i acting on θ_i.</summary>
    /// <exception cref="ArgumentException">no terms, or a null term.</exception>
    public SeparableObjective(IReadOnlyList<IScalarTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
            throw new ArgumentException("terms must not be empty.", nameof(terms));
        if (terms.Any(t => t is null))
            throw new ArgumentException("terms must not contain null.", nameof(terms));
        this.terms = [.. terms];
        HessianLipschitz = this.terms.Max(t => t.ThirdBound);
        Name = "separable(" + string.Join(", ", this.terms.Select(t => t.Name)) + ")";
    }

    /// <summary>The terms φ_i.</summary>
    public IReadOnlyList<IScalarTerm> Terms => terms;

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension => terms.Length;

    /// <inheritdoc />
    public double? HessianLipschitz { get; }

    /// <summary>True when every term is polynomial, so value, gradient and Hessian are exact (<see cref="IExactObjective"/>).</summary>
    public bool IsExact => terms.All(t => t.ExactValue(0) is not null && t.ExactFirst(0) is not null);

    /// <summary>True when every φ_i'' is rational, so the Hessian is exact even if the value is not.</summary>
    public bool HasExactHessian => terms.All(t => t.ExactSecond(0) is not null);

    /// <summary>Assumption 2's constants in the coordinate basis e_1..e_n: L̃^i = sup|φ_i'''|, proven.</summary>
    public EigenspaceLipschitz EigenspaceConstants =>
        new([.. terms.Select(t => t.ThirdBound)], true, "coordinate axes e_1..e_n in term order (unsorted)");

    /// <summary>sup_θ max_i λ_i(θ) = max_i sup φ_i'' (+∞ when a term's curvature is unbounded above).</summary>
    public double EigenvalueSupremum => terms.Max(t => t.SecondSupremum);

    /// <inheritdoc />
    public double Value(Vector<double> theta)
    {
        Check(theta);
        var sum = new ScaledSum();
        bool above = false, below = false;
        for (int i = 0; i < terms.Length; i++)
        {
            double v = terms[i].Value(theta[i]);
            if (double.IsInfinity(v))
                (above, below) = (above || v > 0, below || v < 0);
            else
                sum.Add(v);
        }
        if (above && below)
            throw new ArgumentException(
                $"terms of {Name} overflow to +∞ and −∞ at once at θ = {Require.ShowAll(theta)}: their sum is beyond the double range with no known sign.",
                nameof(theta));
        return above ? double.PositiveInfinity : below ? double.NegativeInfinity : sum.Value;
    }

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta)
    {
        Check(theta);
        return Vector<double>.Build.Dense(Dimension, i => terms[i].First(theta[i]));
    }

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta)
    {
        Check(theta);
        return Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, Dimension).Select(i => terms[i].Second(theta[i]))]);
    }

    /// <inheritdoc />
    public Matrix<double> ThirdDerivativeAlong(Vector<double> theta, Vector<double> u)
    {
        Check(theta);
        Require.Finite(u, nameof(u));
        Require.SameLength(Dimension, u.Count, nameof(u));
        return Matrix<double>.Build.DenseOfDiagonalArray([.. Enumerable.Range(0, Dimension).Select(i => terms[i].Third(theta[i]) * u[i])]);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">a term is not polynomial (<see cref="IsExact"/> is false).</exception>
    public RationalInterval ExactValue(IReadOnlyList<double> theta)
    {
        CheckExact(theta);
        var sum = RationalInterval.Zero;
        for (int i = 0; i < terms.Length; i++)
            sum += terms[i].ExactValue(theta[i]) ?? throw NotExact(i);
        return sum;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">a term is not polynomial.</exception>
    public RationalInterval[] ExactGradient(IReadOnlyList<double> theta)
    {
        CheckExact(theta);
        return [.. Enumerable.Range(0, Dimension).Select(i => terms[i].ExactFirst(theta[i]) ?? throw NotExact(i))];
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">a term's curvature is not rational.</exception>
    public RationalInterval[,] ExactHessian(IReadOnlyList<double> theta)
    {
        CheckExact(theta);
        var h = new RationalInterval[Dimension, Dimension];
        for (int i = 0; i < Dimension; i++)
            for (int j = 0; j < Dimension; j++)
                h[i, j] = i == j ? terms[i].ExactSecond(theta[i]) ?? throw NotExact(i) : RationalInterval.Zero;
        return h;
    }

    private InvalidOperationException NotExact(int i) =>
        new($"term {i} ({terms[i].Name}) is not a rational function, so it has no exact evaluation.");

    private void CheckExact(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        Check(Vector<double>.Build.DenseOfEnumerable(theta));
    }

    private void Check(Vector<double> theta)
    {
        Require.Finite(theta, nameof(theta));
        Require.SameLength(Dimension, theta.Count, nameof(theta));
    }
}
