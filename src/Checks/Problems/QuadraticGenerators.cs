using FsCheck;
using FsCheck.Fluent;

namespace Verification.Checks.Problems;

/// <summary>
/// FsCheck generators of <see cref="QuadraticCase"/>s. Entries are small-mantissa dyadics m·2^e (|m| ≤ 15 for λ, ≤ 8 for θ and b) sharing an
/// exponent per vector, so that A, ∇f(θ) = Aθ − b and f are exact in double precision (the oracle is exact, and a
/// violation is the optimizer's, not the test problem's rounding); the exponents reach 2^±1000 to test magnitudes.
/// Edge cases add exact boundary spectra (λ = 0, λ just below a declared bound) on the coordinate axes.
/// </summary>
public static class QuadraticGenerators
{
    /// <summary>Exponent offsets: mostly moderate, sometimes extreme.</summary>
    private static Gen<int> Exponent { get; } = Gen.Frequency(
        (8, Gen.Choose(-4, 4)),
        (1, Gen.Elements(-30, 30, -200, 200)),
        (1, Gen.Elements(-1000, 1000, -1070, 1020)));

    private static Gen<Basis> BasisFor(int n)
    {
        var permutation = Gen.Shuffle(Enumerable.Range(0, n).ToArray())
            .SelectMany(p => Gen.Elements(1, -1).ArrayOf(n), (p, s) => new Basis(BasisKind.SignedPermutation, p.ToArray(), s.ToArray()));
        return n is 2 or 4
            ? Gen.Frequency((2, Gen.Constant(Basis.Identity)), (3, Gen.Constant(Basis.Hadamard)), (1, permutation))
            : Gen.Frequency((2, Gen.Constant(Basis.Identity)), (1, permutation));
    }

    private static Gen<int[]> Mantissas(SpectrumKind kind, int n) => kind switch
    {
        SpectrumKind.Convex => Gen.Frequency((3, Gen.Choose(0, 15)), (1, Gen.Constant(15)), (1, Gen.Constant(0))).ArrayOf(n).Select(a => a.ToArray()),
        SpectrumKind.WellConditioned => Gen.Choose(1, 8).SelectMany(m => Gen.Elements(m, -m)).ArrayOf(n).Select(a => a.ToArray()),
        SpectrumKind.Indefinite =>
            from m in Gen.Choose(-15, 15).ArrayOf(n)
            from i in Gen.Choose(0, n - 1)
            from neg in Gen.Choose(1, 15)
            select m.Select((x, k) => k == i ? -neg : x).ToArray(),
        _ => Gen.Choose(-15, 15).ArrayOf(n).Select(a => a.ToArray()),
    };

    /// <summary>
    /// Quadratics of dimension 1–6 whose spectrum has the given kind, with eigenvalues m·2^s where
    /// <paramref name="spectrumExponent"/> picks s (e.g. below a declared curvature bound), θ = p·2^t and
    /// b = q·2^(s+t) (or b = 0, or θ = 0); <paramref name="dimension"/> picks n (default 1–6, growing with size).
    /// </summary>
    public static Gen<QuadraticCase> Cases(SpectrumKind kind, Gen<int> spectrumExponent, Gen<int>? dimension = null) =>
        from n in dimension ?? Gen.Sized(size => Gen.Choose(1, Math.Clamp(1 + size / 15, 1, 6)))
        from basis in BasisFor(n)
        from m in Mantissas(kind, n)
        from s in spectrumExponent
        from t in Exponent
        from p in Gen.Choose(-8, 8).ArrayOf(n)
        from q in Gen.Choose(-8, 8).ArrayOf(n)
        from shape in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        select new QuadraticCase(
            m.Select(x => Math.ScaleB(x, s)).ToArray(),
            basis,
            shape == 1 ? new double[n] : q.Select(x => Math.ScaleB(x, s + t)).ToArray(),
            shape == 2 ? new double[n] : p.Select(x => Math.ScaleB(x, t)).ToArray());

    /// <summary><see cref="Cases(SpectrumKind, Gen{int}, Gen{int})"/> with the spectrum's exponent from the default mix.</summary>
    public static Gen<QuadraticCase> Cases(SpectrumKind kind) => Cases(kind, Exponent);

    /// <summary>Spectrum exponents s with 15·2^s &lt; 2^⌊log₂(<paramref name="bound"/>/<paramref name="spread"/>)⌋, mostly the largest such s (eigenvalues up to ~0.94 of the power of two below the bound).</summary>
    public static Gen<int> ExponentsBelow(double bound, double spread = 1)
    {
        if (!(bound > 0) || !(spread >= 1))
            throw new ArgumentException($"need bound > 0 and spread ≥ 1, got {bound}, {spread}.", nameof(bound));
        int top = double.IsPositiveInfinity(bound) ? 1000 : Math.ILogB(bound / spread) - 4;
        return Gen.Frequency(
            (6, Gen.Constant(top)),
            (3, Gen.Choose(1, 4).Select(k => top - k)),
            (1, Gen.Elements(top - 40, top - 300)));
    }

    /// <summary>A simpler variant of <paramref name="c"/> for shrinking: fewer dimensions, the identity basis, zeros, smaller mantissas.</summary>
    public static IEnumerable<QuadraticCase> Shrink(QuadraticCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        int n = c.Dimension;
        if (c.Basis.Kind != BasisKind.Identity)
            yield return c with { Basis = Basis.Identity };
        if (c.Basis.Kind == BasisKind.Identity)
            for (int i = 0; i < n && n > 1; i++)
                yield return new QuadraticCase(Drop(c.Eigenvalues, i), Basis.Identity, Drop(c.Linear, i), Drop(c.Theta, i));
        foreach (var (array, make) in Parts(c))
            for (int i = 0; i < array.Length; i++)
                foreach (double simpler in Simpler(array[i]))
                {
                    var copy = (double[])array.Clone();
                    copy[i] = simpler;
                    yield return make(copy);
                }
    }

    /// <summary>A nearby case for climbing: one entry's mantissa moved by ±1 or its exponent by ±1.</summary>
    public static QuadraticCase Perturb(QuadraticCase c, System.Random random)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(random);
        var parts = Parts(c).ToList();
        var (array, make) = parts[random.Next(parts.Count)];
        if (array.Length == 0)
            return c;
        var copy = (double[])array.Clone();
        int i = random.Next(copy.Length);
        double x = copy[i];
        copy[i] = random.Next(3) switch
        {
            0 => x == 0 ? 1 : x * 2,
            1 => x / 2,
            _ => x == 0 ? -1 : x + Math.ScaleB(random.Next(2) == 0 ? 1 : -1, Math.ILogB(x) - 3),
        };
        return make(copy);
    }

    private static IEnumerable<(double[] Array, Func<double[], QuadraticCase> Make)> Parts(QuadraticCase c)
    {
        yield return (c.Eigenvalues, a => c with { Eigenvalues = a });
        yield return (c.Linear, a => c with { Linear = a });
        yield return (c.Theta, a => c with { Theta = a });
    }

    private static IEnumerable<double> Simpler(double x)
    {
        if (x == 0)
            yield break;
        yield return 0;
        double power = Math.ScaleB(Math.Sign(x), Math.ILogB(x));
        if (power != x)
            yield return power;
        if (Math.Abs(x) != 1)
            yield return Math.Sign(x);
        if (x < 0)
            yield return -x;
    }

    private static double[] Drop(double[] a, int i) => a.Where((_, k) => k != i).ToArray();
}
