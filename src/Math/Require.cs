using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics;

/// <summary>
/// Argument checks shared by every public entry point: each failure is an
/// <see cref="ArgumentException"/> that names the parameter and shows the offending value.
/// </summary>
public static class Require
{
    /// <summary>Rejects NaN and ±∞.</summary>
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"{name} must be finite, got {Show(value)}.", name);
        return value;
    }

    /// <summary>Rejects NaN, ±∞ and negative values (−0.0 is accepted as zero).</summary>
    public static double NonNegative(double value, string name)
    {
        Finite(value, name);
        if (value < 0)
            throw new ArgumentException($"{name} must be ≥ 0, got {Show(value)}.", name);
        return value;
    }

    /// <summary>Rejects NaN, ±∞, zero and negative values.</summary>
    public static double Positive(double value, string name)
    {
        Finite(value, name);
        if (!(value > 0))
            throw new ArgumentException($"{name} must be > 0, got {Show(value)}.", name);
        return value;
    }

    /// <summary>Rejects a vector that is empty or has a non-finite entry.</summary>
    public static Vector<double> Finite(Vector<double>? vector, string name)
    {
        ArgumentNullException.ThrowIfNull(vector, name);
        if (vector.Count == 0)
            throw new ArgumentException($"{name} must not be empty.", name);
        for (int i = 0; i < vector.Count; i++)
            if (!double.IsFinite(vector[i]))
                throw new ArgumentException($"{name}[{i}] must be finite, got {Show(vector[i])}.", name);
        return vector;
    }

    /// <summary>Rejects a vector with a negative, NaN or infinite entry.</summary>
    public static Vector<double> NonNegative(Vector<double>? vector, string name)
    {
        Finite(vector, name);
        for (int i = 0; i < vector!.Count; i++)
            if (vector[i] < 0)
                throw new ArgumentException($"{name}[{i}] must be ≥ 0, got {Show(vector[i])}.", name);
        return vector;
    }

    /// <summary>Rejects a vector with a non-positive, NaN or infinite entry.</summary>
    public static Vector<double> Positive(Vector<double>? vector, string name)
    {
        Finite(vector, name);
        for (int i = 0; i < vector!.Count; i++)
            if (!(vector[i] > 0))
                throw new ArgumentException($"{name}[{i}] must be > 0, got {Show(vector[i])}.", name);
        return vector;
    }

    /// <summary>
    /// Rejects a matrix that is empty, not square, has a non-finite entry, or is not symmetric.
    /// Symmetry is required exactly up to a relative tolerance of 1e-12 of the largest entry, since a
    /// "Hessian" assembled in floating point can differ from its transpose in the last bits (at every scale, subnormal
    /// matrices included; a difference that overflows, of entries near ±double.MaxValue with opposite signs, is asymmetric).
    /// </summary>
    public static Matrix<double> Symmetric(Matrix<double>? matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.RowCount == 0 || matrix.RowCount != matrix.ColumnCount)
            throw new ArgumentException($"{name} must be a non-empty square matrix, got {matrix.RowCount}×{matrix.ColumnCount}.", name);
        double scale = 0;
        for (int i = 0; i < matrix.RowCount; i++)
            for (int j = 0; j < matrix.ColumnCount; j++)
            {
                double a = matrix[i, j];
                if (!double.IsFinite(a))
                    throw new ArgumentException($"{name}[{i},{j}] must be finite, got {Show(a)}.", name);
                scale = Math.Max(scale, Math.Abs(a));
            }
        for (int i = 0; i < matrix.RowCount; i++)
            for (int j = i + 1; j < matrix.ColumnCount; j++)
                // Relative test as a quotient: SymmetryTolerance·scale would underflow for subnormal matrices.
                if (Math.Abs(matrix[i, j] - matrix[j, i]) / scale > SymmetryTolerance)
                    throw new ArgumentException(
                        $"{name} must be symmetric: [{i},{j}] = {Show(matrix[i, j])} but [{j},{i}] = {Show(matrix[j, i])}.", name);
        return matrix;
    }

    /// <summary>Relative tolerance for <see cref="Symmetric"/>.</summary>
    public const double SymmetryTolerance = 1e-12;

    /// <summary>Rejects an integer outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{name} must lie in [{min}, {max}], got {value}.", name);
        return value;
    }

    /// <summary>Rejects a length mismatch between two operands.</summary>
    public static void SameLength(int expected, int actual, string name)
    {
        if (expected != actual)
            throw new ArgumentException($"{name} has length {actual}, expected {expected}.", name);
    }

    /// <summary>Round-trip text of a double, for messages.</summary>
    public static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Round-trip text of a vector, "[v₀, v₁, …]", for messages.</summary>
    public static string ShowAll(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return $"[{string.Join(", ", values.Select(Show))}]";
    }
}
