using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Lodo;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>The noise covariance E[ssᵀ] of a <see cref="FlowInput"/>: MMᵀ + I (≻ 0) or vvᵀ (rank one).</summary>
internal enum NoiseKind
{
    /// <summary>E[ssᵀ] = MMᵀ + I with M an n×n real input.</summary>
    Definite,

    /// <summary>E[ssᵀ] = vvᵀ with v an n-vector real input.</summary>
    RankOne,
}

/// <summary>
/// One point of the flow (10): A (n×n, row-major, drawn in ⅛ℤ ∩ [−3/8, 3/8], sometimes with zero rows), U = Cayley(S) for
/// an integer skew S in −2..2 (exactly orthogonal: S is structure, read as constants), D = diag(d) with d drawn from
/// {¼, ½, 1, 2, 3}, and the noise factor (M or v, integers in −2..2). A, d and the noise factor are real inputs.
/// </summary>
internal sealed record FlowInput(int N, double[] A, int[] Skew, double[] D, NoiseKind Noise, double[] NoiseFactor)
{
    internal RealMatrix<T> ReadA<T>() where T : IReal<T> => RealMatrix<T>.Create(N, N, (i, j) => T.Input(A[i * N + j]));

    /// <summary>U = (I + S)⁻¹(I − S), S skew with the stored upper entries (constants).</summary>
    internal RealMatrix<T> ReadU<T>() where T : IReal<T>
    {
        var s = RealMatrix<T>.Create(N, N, (i, j) => i == j ? T.Of(0) : i < j ? T.Of(Skew[SkewIndex(i, j)]) : -T.Of(Skew[SkewIndex(j, i)]));
        return RealMatrixAlgebra.Cayley(s);
    }

    internal T[] ReadD<T>() where T : IReal<T> => RealVector.Input<T>(D);

    /// <summary>E[ssᵀ]: MMᵀ + I or vvᵀ.</summary>
    internal RealMatrix<T> ReadC<T>() where T : IReal<T>
    {
        if (Noise == NoiseKind.RankOne)
        {
            var v = RealVector.Input<T>(NoiseFactor);
            return RealMatrix<T>.Create(N, N, (i, j) => v[i] * v[j]);
        }
        var m = RealMatrix<T>.Create(N, N, (i, j) => T.Input(NoiseFactor[i * N + j]));
        return m * m.Transpose() + RealMatrix<T>.Identity(N);
    }

    private int SkewIndex(int i, int j) => i * N - i * (i + 1) / 2 + (j - i - 1);

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("A", LodoText.Matrix(A, N)),
        NamedValue.Text("S (U = Cayley(S))", "[" + string.Join(", ", Skew) + "]"),
        NamedValue.Of("d (D = diag(d))", D),
        Noise == NoiseKind.RankOne ? NamedValue.Of("v (E[ssᵀ] = vvᵀ)", NoiseFactor) : NamedValue.Text("M (E[ssᵀ] = MMᵀ + I)", LodoText.Matrix(NoiseFactor, N)),
    ];

    private static readonly double[] Diagonal = [0.25, 0.5, 1, 2, 3];

    internal static FlowInput Draw(int n, int seed, NoiseKind noise)
    {
        var r = new System.Random(seed);
        var skew = Enumerable.Range(0, n * (n - 1) / 2).Select(_ => r.Next(-2, 3)).ToArray();
        var d = Enumerable.Range(0, n).Select(_ => Diagonal[r.Next(Diagonal.Length)]).ToArray();
        int zeroRows = r.Next(3) == 0 ? r.Next(n) : 0; // some A have zero rows: low rank
        var a = Enumerable.Range(0, n * n).Select(k => k / n < zeroRows ? 0.0 : r.Next(-3, 4) / 8.0).ToArray();
        var factor = Enumerable.Range(0, noise == NoiseKind.RankOne ? n : n * n).Select(_ => (double)r.Next(-2, 3)).ToArray();
        return new FlowInput(n, a, skew, d, noise, factor);
    }

    private double[] Coordinates() => [.. A, .. D, .. NoiseFactor];

    private FlowInput Rebuild(double[] v) => this with
    {
        A = v[..A.Length],
        D = v[A.Length..(A.Length + D.Length)],
        NoiseFactor = v[(A.Length + D.Length)..],
    };

    internal static Domain<FlowInput> Domain(NoiseKind noise, Func<IEnumerable<FlowInput>> edges) => new()
    {
        Generator = from n in Gen.Choose(1, 3) from seed in Gen.Choose(0, int.MaxValue) select Draw(n, seed, noise),
        Edges = edges,
        Perturb = (e, r) => Draw(e.N, r.Next(), noise),
        Shrink = e => Shrinks.Coordinates(e, x => x.Coordinates(), (x, v) => x.Rebuild(v)),
        Describe = e => e.Describe(),
    };
}
