using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="LargestSignFormByArrangement"/> against the Gray-code enumeration of all 2^(d−1) sign vectors
/// (<see cref="SignGeometryBoundsClusterProperties.LargestSignForm"/>), exactly.
/// </summary>
public class LargestSignFormByArrangementProperties
{
    /// <summary>
    /// One case: d = 2…12, k = 1…4 columns of B (d×k), each row of B zero, a multiple (±1, ±2) of an earlier row, or
    /// drawn from −3…3; the weights of the Gram–Schmidt directions (all 1: a projector).
    /// </summary>
    private static Gen<(int Dimension, int Rank, int[] Kinds, int[] Sources, int[] Factors, int[] Entries, int[] Weights)> Cases { get; } =
        from d in Gen.Choose(2, 12)
        from k in Gen.Choose(1, Math.Min(4, d))
        from kinds in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (6, Gen.Constant(2))).ArrayOf(d)
        from sources in Gen.Choose(0, 1_000).ArrayOf(d)
        from factors in Gen.Elements(-2, -1, 1, 2).ArrayOf(d)
        from entries in Gen.Choose(-3, 3).ArrayOf(d * k)
        from projector in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from weights in Gen.Choose(1, 3).ArrayOf(k)
        select (d, k, kinds, sources, factors, entries, projector ? Enumerable.Repeat(1, k).ToArray() : weights);

    /// <summary>
    /// P = Σ_j c_j·u_ju_jᵀ/(u_jᵀu_j) over the exact Gram–Schmidt directions u_j of B's columns (dependent ones skipped), and
    /// the rows of B: zero (kind 0), ±1 or ±2 times an earlier row (kind 1), drawn (kind 2 and row 0 of kind 1).
    /// </summary>
    private static Fraction[,] Build((int Dimension, int Rank, int[] Kinds, int[] Sources, int[] Factors, int[] Entries, int[] Weights) c)
    {
        int d = c.Dimension, k = c.Rank;
        var b = new Fraction[d, k];
        for (int i = 0; i < d; i++)
            for (int l = 0; l < k; l++)
                b[i, l] = c.Kinds[i] switch
                {
                    0 => Fraction.Zero,
                    1 when i > 0 => c.Factors[i] * b[c.Sources[i] % i, l],
                    _ => new Fraction(c.Entries[i * k + l]),
                };
        var directions = new List<Fraction[]>();
        var weights = new List<int>();
        for (int l = 0; l < k; l++)
        {
            var u = Enumerable.Range(0, d).Select(i => b[i, l]).ToArray();
            foreach (var q in directions)
            {
                var ratio = Dot(q, u) / Dot(q, q);
                for (int i = 0; i < d; i++)
                    u[i] -= ratio * q[i];
            }
            if (u.Any(x => !x.IsZero))
            {
                directions.Add(u);
                weights.Add(c.Weights[l]);
            }
        }
        var p = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var sum = Fraction.Zero;
                for (int a = 0; a < directions.Count; a++)
                    sum += weights[a] * directions[a][i] * directions[a][j] / Dot(directions[a], directions[a]);
                p[i, j] = sum;
            }
        return p;
    }

    private static Fraction Dot(Fraction[] x, Fraction[] y) => x.Zip(y, (a, b) => a * b).Aggregate(Fraction.Zero, (a, b) => a + b);

    /// <summary>
    /// The arrangement's M equals the enumerated one exactly, and its maximizer attains it (sᵀPs evaluated from P
    /// directly), on rational PSD P of rank 0…4 with zero, repeated and parallel rows.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Arrangement_MatchesTheEnumeration() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var p = Build(c);
        int d = c.Dimension;
        var (value, s) = LargestSignFormByArrangement.Of(p);
        var enumerated = SignGeometryBoundsClusterProperties.LargestSignForm(p);
        var attained = Fraction.Zero;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                attained += s[i] * p[i, j] * s[j];
        bool parallel = c.Kinds.Skip(1).Any(kind => kind == 1);
        string at = $"d = {d}, k = {c.Rank}, kinds = [{string.Join(", ", c.Kinds)}], sources = [{string.Join(", ", c.Sources)}], factors = [{string.Join(", ", c.Factors)}], entries = [{string.Join(", ", c.Entries)}], weights = [{string.Join(", ", c.Weights)}]";
        return (value == enumerated).Label($"arrangement {value} ≠ enumeration {enumerated} at {at}")
            .And((attained == value && s.All(x => x is 1 or -1)).Label($"maximizer's sᵀPs {attained} ≠ {value} at {at}"))
            .Classify(parallel, "repeated or parallel rows")
            .Classify(c.Kinds.Contains(0), "zero rows")
            .Classify(c.Weights.Any(w => w != 1), "weighted (not a projector)");
    });

    /// <summary>Non-square, non-symmetric and indefinite P are rejected, naming p.</summary>
    [Fact]
    public void Arrangement_RejectsMatricesOutsideItsRange()
    {
        var one = Fraction.One;
        var zero = Fraction.Zero;
        Assert.Contains("square", Assert.Throws<ArgumentException>("p", () => LargestSignFormByArrangement.Of(new Fraction[2, 3])).Message);
        Assert.Contains("symmetric", Assert.Throws<ArgumentException>("p", () => LargestSignFormByArrangement.Of(new[,] { { one, one }, { zero, one } })).Message);
        Assert.Contains("semidefinite", Assert.Throws<ArgumentException>("p", () => LargestSignFormByArrangement.Of(new[,] { { one, zero }, { zero, -one } })).Message);
        Assert.Contains("semidefinite", Assert.Throws<ArgumentException>("p", () => LargestSignFormByArrangement.Of(new[,] { { zero, one }, { one, zero } })).Message);
        Assert.Contains("semidefinite", Assert.Throws<ArgumentException>("p", () => LargestSignFormByArrangement.Of(new[,] { { one, 2 * one }, { 2 * one, one } })).Message);
    }
}
