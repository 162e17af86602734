using Verification.Engine.Generators;
using FsCheck;
using FsCheck.Fluent;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics;

/// <summary>λ, |g| and L of one eigenspace (elmo-amos eq. 7's inputs).</summary>
public sealed record EigenspaceCase(double Lambda, double GradMagnitude, double Lipschitz)
{
    /// <inheritdoc />
    public override string ToString() => $"λ={Lambda:R} |g|={GradMagnitude:R} L={Lipschitz:R}";
}

/// <summary>Generators of <see cref="EigenspaceCase"/>.</summary>
public static class EigenspaceCases
{
    /// <summary>
    /// λ, |g| ≥ 0 and L &gt; 0 each anywhere in the finite doubles (<see cref="FullRangeDoubles"/>: subnormals, exact
    /// powers of two, 1e±308, ±MaxValue, signed zeros), independently: the whole domain of ElmoStep.Step and φ.
    /// </summary>
    public static Gen<EigenspaceCase> FullRange { get; } =
        from l in FullRangeDoubles.Signed
        from a in FullRangeDoubles.NonNegative
        from lip in FullRangeDoubles.Positive
        select new EigenspaceCase(l, a, lip);
}

/// <summary>A symmetric matrix with a gradient, for the eigen and preconditioner properties.</summary>
public sealed record SymmetricProblem(double[,] Hessian, double[] Gradient, double[] Lipschitz);

/// <summary>FsCheck arbitraries for the Math properties, registered once via <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class MathArbitraries
{
    /// <summary>Symmetric n×n (n ≤ 6) with repeated and zero eigenvalues reachable, and gradients with exact zeros.</summary>
    public static Arbitrary<SymmetricProblem> Symmetric() => Arb.From(
        from n in Gen.Choose(1, 6)
        from entries in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n * n)
        from degenerate in Gen.Elements(false, false, true)
        from grad in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n)
        from lips in EdgeDoubles.Positive(1e-2, 1e2).ArrayOf(n)
        select new SymmetricProblem(Build(n, entries, degenerate), grad, lips));

    private static double[,] Build(int n, double[] entries, bool degenerate)
    {
        var h = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                // Degenerate case: a diagonal with repeated values, so eigenvectors are not unique.
                double v = degenerate ? (i == j ? Math.Round(entries[i * n + j] / 500) : 0) : entries[i * n + j];
                h[i, j] = v;
                h[j, i] = v;
            }
        return h;
    }
}

/// <summary>A diagonal Hessian (eigenvectors ±e_j, known exactly), a gradient and L_i in ascending-eigenvalue order.</summary>
public sealed record DiagonalProblem(double[] Diagonal, double[] Gradient, double[] Lipschitz)
{
    /// <summary>H = diag(Diagonal).</summary>
    public MathNet.Numerics.LinearAlgebra.Matrix<double> Hessian =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DiagonalOfDiagonalArray(Diagonal);

    /// <summary>∇f.</summary>
    public MathNet.Numerics.LinearAlgebra.Vector<double> GradientVector =>
        MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(Gradient);

    /// <summary>L_i.</summary>
    public MathNet.Numerics.LinearAlgebra.Vector<double> LipschitzVector =>
        MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(Lipschitz);

    /// <summary>
    /// True when the solver sees every entry of H and ∇f unchanged: Decompose scales each by 2^-⌊log₂ max|·|⌋, which
    /// is exact unless an entry falls below the subnormal grid (a spread of more than ~1022 binades).
    /// </summary>
    public bool ScalesExactly => Exact(Diagonal) && Exact(Gradient);

    private static bool Exact(double[] x)
    {
        double largest = x.Max(Math.Abs);
        if (largest == 0) return true;
        int s = Math.ILogB(largest);
        return x.All(v => Math.ScaleB(Math.ScaleB(v, -s), s) == v);
    }

    /// <summary>j-th diagonal entry's rank among the eigenvalues (ascending; the diagonal has distinct entries).</summary>
    public int Rank(int j) => Diagonal.Count(d => d < Diagonal[j]);

    /// <inheritdoc />
    public override string ToString() =>
        $"diag=[{string.Join(", ", Diagonal.Select(d => d.ToString("R")))}] g=[{string.Join(", ", Gradient.Select(d => d.ToString("R")))}] L=[{string.Join(", ", Lipschitz.Select(d => d.ToString("R")))}]";
}

/// <summary>Generators of <see cref="DiagonalProblem"/>.</summary>
public static class DiagonalProblems
{
    /// <summary>
    /// n ∈ 1…4 distinct diagonal entries, gradient entries and L_i, each anywhere in the finite doubles
    /// (<see cref="FullRangeDoubles"/>), zeros and subnormals included.
    /// </summary>
    public static Gen<DiagonalProblem> FullRange { get; } =
        from n in Gen.Choose(1, 4)
        from d in FullRangeDoubles.Signed.ArrayOf(n).Where(d => d.Distinct().Count() == d.Length)
        from g in FullRangeDoubles.Signed.ArrayOf(n)
        from l in FullRangeDoubles.Positive.ArrayOf(n)
        select new DiagonalProblem(d, g, l);
}
