using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine.Generators;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics;

/// <summary>A symmetric n×n matrix (n = 2…4, entries 1e-2…10 of either sign, zeros reachable) and a vector δ.</summary>
public sealed record SymmetricWithVector(double[,] H, double[] Delta)
{
    public override string ToString() =>
        $"H = [{string.Join("; ", Enumerable.Range(0, H.GetLength(0)).Select(i => string.Join(", ", Enumerable.Range(0, H.GetLength(1)).Select(j => H[i, j].ToString("R", System.Globalization.CultureInfo.InvariantCulture)))))}], δ = [{string.Join(", ", Delta.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>
/// <see cref="SymmetricEigenCoordinates"/>: the rigorous squares enclose an orthonormal eigenbasis's coordinates (their
/// sum encloses ‖δ‖² exactly, as it must for any orthonormal basis) and agree with the double eigensolver's.
/// </summary>
[Properties(Arbitrary = [typeof(SymmetricEigenCoordinatesProperties)], MaxTest = 50, Replay = "(5520311764402013377,1309811620001287457)")]
public class SymmetricEigenCoordinatesProperties
{
    /// <summary>
    /// Where every eigenvalue gap is ≥ 1e-3·‖H‖_max, the eigensolver's vectors are within ≈ nε‖H‖/gap ≤ 1e-12 of the true
    /// ones, so c_i² differs by at most ≈ 2‖δ‖²·1e-12; 1e-9·‖δ‖² leaves three orders of magnitude.
    /// </summary>
    private const double AgreementRelative = 1e-9;

    public static Arbitrary<SymmetricWithVector> Problems() => Arb.From(
        from n in Gen.Choose(2, 4)
        from entries in EdgeDoubles.Signed(1e-2, 10).ArrayOf(n * n)
        from delta in EdgeDoubles.Signed(1e-3, 3).ArrayOf(n)
        select new SymmetricWithVector(Symmetric(n, entries), delta));

    private static double[,] Symmetric(int n, double[] e)
    {
        var h = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                h[i, j] = h[j, i] = e[i * n + j];
        return h;
    }

    private static RationalInterval[]? Rigorous(SymmetricWithVector p)
    {
        try
        {
            return SymmetricEigenCoordinates.Squared(RealMatrix<RationalInterval>.Constant(p.H), RealVector.Constant<RationalInterval>(p.Delta));
        }
        catch (UndecidedException)
        {
            return null;
        }
    }

    [Property]
    public Property Squares_SumToTheSquaredNorm(SymmetricWithVector p)
    {
        var squares = Rigorous(p);
        if (squares is null)
            return true.ToProperty().Label("a (numerically) repeated eigenvalue: undecided, as documented");
        var sum = squares.Aggregate((a, b) => a + b);
        var norm = p.Delta.Aggregate(Fraction.Zero, (s, d) => s + ExactDouble.ToFraction(d) * ExactDouble.ToFraction(d));
        return (sum.Lower <= norm && norm <= sum.Upper && squares.All(s => s.Lower.Sign() >= 0)).Label($"{p}: Σc_i² ∈ {sum}, ‖δ‖² = {ExactDouble.ToDouble(norm):R}");
    }

    [Property]
    public Property Squares_AgreeWithTheDoubleEigensolver_WhereEigenvaluesAreSeparated(SymmetricWithVector p)
    {
        var values = SymmetricEigen.Decompose(Matrix<double>.Build.DenseOfArray(p.H), Vector<double>.Build.Dense(p.Delta.Length)).Values;
        double size = p.H.Cast<double>().Max(Math.Abs);
        bool separated = values.Zip(values.Skip(1), (a, b) => b - a).All(g => g >= 1e-3 * size);
        var squares = Rigorous(p);
        if (!separated || squares is null)
            return true.ToProperty().Label("eigenvalues closer than 1e-3·‖H‖");
        var doubles = SymmetricEigenCoordinates.Squared(RealMatrix<Float64>.Constant(p.H), RealVector.Constant<Float64>(p.Delta));
        double norm = p.Delta.Sum(d => d * d);
        bool close = squares.Zip(doubles, (e, d) => Math.Abs(e.Midpoint - d.Value) <= AgreementRelative * norm).All(b => b);
        return close.Label($"{p}: exact [{string.Join(", ", squares.Select(s => s.Midpoint))}] vs double [{string.Join(", ", doubles)}]");
    }
}
