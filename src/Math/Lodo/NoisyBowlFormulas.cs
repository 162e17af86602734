using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The spectrum of the noisy quadratic bowl of lodo.md App. F.1 written once over <see cref="IReal{T}"/>: n values
/// d_i = d₁r^i (i = 0 … n − 1) geometric from d₁ to d_n, r = (d_n/d₁)^{1/(n−1)}. Its sums come in closed form from
/// r^{n−1} = d_n/d₁ = R: Σ d_i = d₁(Rr − 1)/(r − 1) and Σ d_i² = d₁²(R²r² − 1)/(r² − 1), so the exact instantiation
/// needs one enclosure of r = exp(ln R/(n − 1)), not n of them.
/// </summary>
public static class NoisyBowlFormulas
{
    /// <summary>r = (d_n/d₁)^{1/(n−1)}.</summary>
    /// <exception cref="ArgumentException">n &lt; 2.</exception>
    public static T Ratio<T>(int dimension, T smallest, T largest) where T : IReal<T>
    {
        if (dimension < 2)
            throw new ArgumentException($"dimension must be ≥ 2, got {dimension}.", nameof(dimension));
        return T.Exp(T.Log(largest / smallest) / (dimension - 1));
    }

    /// <summary>tr H = Σ d_i (the rotation does not enter the trace).</summary>
    public static T SpectrumSum<T>(int dimension, T smallest, T largest) where T : IReal<T>
    {
        var big = largest / smallest;
        if (big <= T.Of(1))
            return smallest * dimension;
        var r = Ratio(dimension, smallest, largest);
        return smallest * (big * r - 1) / (r - 1);
    }

    /// <summary>‖d‖₂² = Σ d_i² = tr H².</summary>
    public static T SpectrumSquareSum<T>(int dimension, T smallest, T largest) where T : IReal<T>
    {
        var big = largest / smallest;
        if (big <= T.Of(1))
            return smallest * smallest * dimension;
        var r = Ratio(dimension, smallest, largest);
        return smallest * smallest * (big * big * r * r - 1) / (r * r - 1);
    }

    /// <summary>The paper's smallest eigenvalue, 0.001 exactly (a decimal, not its double).</summary>
    public static T PaperSmallest<T>() where T : IReal<T> => T.Ratio(1, 1000);

    /// <summary>The paper's largest eigenvalue, 1.</summary>
    public static T PaperLargest<T>() where T : IReal<T> => T.Of(1);

    /// <summary>The paper's dimension, 100.</summary>
    public const int PaperDimension = 100;
}
