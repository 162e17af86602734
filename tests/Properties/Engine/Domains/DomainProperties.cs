using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Engine.Domains;

using Domains = Verification.Engine.Domains;

/// <summary>
/// The public domain generators keep their promises on every input the engine can reach: generated inputs, edge cases,
/// the moves of margin climbing and the shrinking candidates. Symmetric matrices are checked in exact rationals
/// (symmetric, QᵀQ = I, A·Q = Q·diag(λ): the spectrum is exactly the requested one); probability vectors sum to 1
/// exactly; scalars stay in their magnitude class and sign.
/// </summary>
[Properties(MaxTest = 200)]
public class DomainProperties
{
    private static readonly Magnitude[] AllMagnitudes = Enum.GetValues<Magnitude>();
    private static readonly Signs[] AllSigns = Enum.GetValues<Signs>();

    /// <summary>Every input the search can see from a domain: a sample, the edges, a chain of moves, and shrinks of each.</summary>
    private static IEnumerable<T> Reachable<T>(Domain<T> domain, int seed) where T : notnull
    {
        var random = new System.Random(seed);
        var start = domain.Generator.Sample(5, new Rnd((ulong)seed + 1, 0x9E3779B97F4A7C15UL | 1), 1 + seed % 100).ToList();
        start.AddRange(domain.Edges());
        foreach (var x in start)
        {
            yield return x;
            var y = x;
            for (int i = 0; i < 5 && domain.Perturb is { } perturb; i++)
            {
                y = perturb(y, random);
                yield return y;
            }
            foreach (var s in domain.Shrink?.Invoke(y).Take(20) ?? [])
                yield return s;
        }
    }

    private static Arbitrary<(int Seed, int Dimension)> SeedAndDimension { get; } =
        (from seed in Gen.Choose(0, int.MaxValue - 2) from n in Gen.Choose(1, 4) select (seed, n)).ToArbitrary();

    [Property]
    public Property Scalars_StayInTheirMagnitudeClassAndSign() => Prop.ForAll(
        (from seed in Gen.Choose(0, int.MaxValue - 2) from m in Gen.Elements(AllMagnitudes) from s in Gen.Elements(AllSigns) select (seed, m, s)).ToArbitrary(),
        c => Reachable(Domains.Scalar("x", c.m, c.s), c.seed).All(x => Domains.ScalarContains(x, c.m, c.s)
            && (c.m != Magnitude.Subnormal || x == 0 || double.IsSubnormal(x))));

    [Property]
    public Property Vectors_HaveTheirDimensionAndEntriesInTheClass() => Prop.ForAll(SeedAndDimension, c =>
        Reachable(Domains.Vector("v", c.Dimension, Magnitude.Huge, Signs.NonNegative), c.Seed)
            .All(v => v.Length == c.Dimension && v.All(x => Domains.ScalarContains(x, Magnitude.Huge, Signs.NonNegative))));

    [Property]
    public Property SignVectors_HaveOnlySigns() => Prop.ForAll(SeedAndDimension, c =>
        Reachable(Domains.SignVector("s", c.Dimension), c.Seed).All(s => s.Length == c.Dimension && s.All(x => x is 1 or -1))
        && Reachable(Domains.SignVector("s", c.Dimension, allowZero: true), c.Seed).All(s => s.All(x => x is 1 or -1 or 0)));

    [Property]
    public Property ProbabilityVectors_SumToOneExactly() => Prop.ForAll(SeedAndDimension, c =>
        Reachable(Domains.ProbabilityVector("p", c.Dimension), c.Seed).All(p =>
        {
            // Exactly in rationals, and in double summation too (every entry and partial sum lies on the 2^-52 grid).
            double sum = 0;
            foreach (double x in p)
                sum += x;
            return p.Length == c.Dimension && p.All(x => x >= 0) && ExactSum(p) == Fraction.One && sum == 1;
        }));

    [Property(MaxTest = 60)] // ≈ 20 ms a case: 3 exact n×n products per reachable matrix
    public Property SymmetricMatrices_HaveExactlyTheRequestedSpectrum() => Prop.ForAll(
        (from c in SeedAndDimension.Generator from s in Gen.Elements(AllSigns) from m in Gen.Elements(Magnitude.Unit, Magnitude.Tiny, Magnitude.Huge) select (c.Seed, c.Dimension, s, m)).ToArbitrary(),
        c => Reachable(Domains.Symmetric("A", c.Dimension, c.m, c.s), c.Seed).Take(40).All(a =>
            a.Dimension == c.Dimension
            && a.Eigenvalues.All(x => Domains.ScalarContains(x, c.m, c.s))
            && IsExactlySymmetricWithSpectrum(a)));

    [Property(MaxTest = 60)]
    public Property PositiveDefiniteMatrices_HavePositiveSpectra() => Prop.ForAll(SeedAndDimension, c =>
        Reachable(Domains.PositiveDefinite("A", c.Dimension), c.Seed).Take(40).All(a => a.Eigenvalues.All(x => x > 0) && IsExactlySymmetricWithSpectrum(a)));

    [Property(MaxTest = 60)]
    public Property ToDoubles_IsSymmetricAndWithinOneUlpOfTheExactEntries() => Prop.ForAll(SeedAndDimension, c =>
        Reachable(Domains.Symmetric("A", c.Dimension), c.Seed).Take(20).All(a =>
        {
            var d = a.ToDoubles();
            for (int i = 0; i < a.Dimension; i++)
                for (int j = 0; j < a.Dimension; j++)
                {
                    var exact = a.ExactEntry(i, j);
                    if (d[i, j] != d[j, i] || ExactDouble.UlpError(d[i, j], RationalInterval.Exact(exact)) > 1)
                        return false;
                }
            return true;
        }));

    /// <summary>
    /// A = Aᵀ, QᵀQ = I and A·Q = Q·diag(λ), all in exact rationals, with A read through <see cref="SymmetricMatrix.Read{T}"/>
    /// in rational interval arithmetic (every entry a point): column k of Q is an eigenvector for λₖ and Q is
    /// invertible, so the spectrum is exactly λ with multiplicities.
    /// </summary>
    internal static bool IsExactlySymmetricWithSpectrum(SymmetricMatrix a)
    {
        int n = a.Dimension;
        var m = a.Read<RationalInterval>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (m[i, j].Lower != m[i, j].Upper || m[i, j].Lower != m[j, i].Lower)
                    return false;
                var qtq = Fraction.Zero;
                var aq = Fraction.Zero;
                for (int k = 0; k < n; k++)
                {
                    qtq += a.Basis(k, i) * a.Basis(k, j);
                    aq += m[i, k].Lower * a.Basis(k, j);
                }
                if (qtq != (i == j ? Fraction.One : Fraction.Zero))
                    return false;
                if (aq != ExactDouble.ToFraction(a.Eigenvalues[j]) * a.Basis(i, j))
                    return false;
            }
        return true;
    }

    private static Fraction ExactSum(IEnumerable<double> values) =>
        values.Aggregate(Fraction.Zero, (s, x) => s + ExactDouble.ToFraction(x));
}
