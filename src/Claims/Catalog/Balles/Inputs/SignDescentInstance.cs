using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// A least-squares instance of thesis eq. (5.20): X (n×d) with rational entries X_ij = Numerators[i][j]/Denominators[i],
/// labels y ∈ {±1}ⁿ, the constant c of Lemma 5.3's assumption X sign(Xᵀy) = cy, and the step α of sign descent.
/// </summary>
internal sealed record SignDescentInstance(long[][] Numerators, long[] Denominators, int[] Y, int C, double Alpha)
{
    internal int N => Y.Length;

    internal int D => Numerators[0].Length;

    /// <summary>X in arithmetic T (exact rationals: the instance's data, not a real input).</summary>
    internal T[][] X<T>() where T : IReal<T> =>
        Numerators.Select((row, i) => row.Select(v => T.Ratio(v, Denominators[i])).ToArray()).ToArray();

    /// <summary>sign([Xᵀy]_j) for every j, in exact rationals.</summary>
    internal int[] SignsOfXty() => Enumerable.Range(0, D).Select(j =>
    {
        var sum = Fractions.Fraction.Zero;
        for (int i = 0; i < N; i++)
            sum += new Fractions.Fraction(Numerators[i][j] * Y[i], Denominators[i]);
        return sum.Numerator.Sign * sum.Denominator.Sign;
    }).ToArray();

    /// <summary>X·s = c·y for the sign vector <paramref name="s"/>, in exact integers: Σ_j num_ij s_j = c·yᵢ·den_i for every row.</summary>
    internal bool MeetsAssumption(int[] s) => Enumerable.Range(0, N).All(i =>
        Enumerable.Range(0, D).Sum(j => Numerators[i][j] * s[j]) == (long)C * Y[i] * Denominators[i]);

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("X", "[" + string.Join("; ", Numerators.Select((row, i) => string.Join(", ", row.Select(v => Show(v, Denominators[i]))))) + "]"),
        NamedValue.Text("y", "[" + string.Join(", ", Y) + "]"),
        NamedValue.Of("c", C),
        NamedValue.Of("alpha", Alpha),
    ];

    private static string Show(long p, long q)
    {
        long g = System.Numerics.BigInteger.GreatestCommonDivisor(p, q) is var b && b.IsZero ? 1 : (long)b;
        (p, q) = (p / g, q / g);
        return q == 1 ? p.ToString(CultureInfo.InvariantCulture) : $"{p}/{q}";
    }

    /// <summary>
    /// Rows xᵢ = yᵢ·(s⊙wᵢ)·c/Σwᵢ with wᵢ &gt; 0 integers, so xᵢᵀs = c·yᵢ and Xᵀy = s⊙Σᵢ(c·wᵢ/Σwᵢ) has the signs s:
    /// the assumptions hold by construction.
    /// </summary>
    internal static SignDescentInstance Build(int[] s, int[] y, int[][] w, int c, double alpha)
    {
        var numerators = new long[y.Length][];
        var denominators = new long[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            denominators[i] = w[i].Sum();
            numerators[i] = w[i].Select((wij, j) => (long)y[i] * s[j] * wij * c).ToArray();
        }
        return new SignDescentInstance(numerators, denominators, y, c, alpha);
    }

    /// <summary>Instances meeting the assumptions; half the time with c·α = 1/k, where λ_t·c = 1 is reached and ∇R(θ_t) = 0.</summary>
    internal static Gen<SignDescentInstance> Generator { get; } =
        from n in Gen.Choose(1, 4)
        from d in Gen.Choose(2, 4)
        from s in Gen.ArrayOf(Gen.Elements(1, -1), d)
        from y in Gen.ArrayOf(Gen.Elements(1, -1), n)
        from w in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 9), d), n)
        from c in Gen.Choose(1, 8)
        from hit in Gen.Elements(true, false)
        from k in Gen.Choose(1, 5)
        from alpha in EdgeDoubles.Positive(1e-3, 10)
        select Build(s, y, w, c, hit ? 1.0 / (c * k) : alpha);

    /// <summary>The search domain: climbing and shrinking move α only (the instance keeps its assumptions).</summary>
    internal static Domain<SignDescentInstance> Domain(Func<IEnumerable<SignDescentInstance>> edges) => new()
    {
        Generator = Generator,
        Edges = edges,
        Perturb = (inst, r) => inst with { Alpha = EdgeDoubles.Perturb(inst.Alpha, r, 1e-300) },
        Shrink = inst => Simplicity.Candidates(inst.Alpha).Where(a => a > 0).Select(a => inst with { Alpha = a }),
        Describe = inst => inst.Describe(),
    };
}
