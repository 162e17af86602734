using FsCheck;
using FsCheck.Fluent;
using Verification.Engine.Generators;

namespace Verification.Engine;

/// <summary>
/// Ready-made <see cref="Domain{TInput}"/>s over the types lemmas are stated on: scalars by magnitude class and sign,
/// vectors, sign vectors, probability vectors with exact sums, and symmetric matrices with an exactly known spectrum
/// (see <see cref="SymmetricMatrix"/>). Each has edge cases tried first, an edge-biased generator, a local move for
/// margin climbing, shrinking toward small integers and dyadics, and a description in round-trip form named after the
/// input. Every value is built from random integers by exact scaling, so the same seed gives the same inputs on every
/// platform.
/// </summary>
public static class Domains
{
    /// <summary>
    /// A real scalar named <paramref name="name"/> with |x| in <paramref name="magnitude"/>'s range
    /// (<see cref="Magnitudes.Range"/>) and the given <paramref name="signs"/> (zero only where they admit it).
    /// Edges: 1 (when in range), both ends of the range, 0 and −0.0 (where admitted), and the negatives.
    /// </summary>
    /// <exception cref="ArgumentException">an empty name, or an undefined magnitude or sign.</exception>
    public static Domain<double> Scalar(string name, Magnitude magnitude = Magnitude.Unit, Signs signs = Signs.Any)
    {
        CheckName(name);
        var (min, max) = Magnitudes.Range(magnitude);
        CheckSigns(signs);
        bool Contains(double x) => ScalarContains(x, magnitude, signs);
        return new Domain<double>
        {
            Generator = ScalarGen(min, max, signs),
            Edges = () => ScalarEdges(min, max, signs),
            Perturb = (x, r) => PerturbScalar(x, r, min, max, signs),
            Shrink = x => Simplicity.Candidates(x).Where(Contains),
            Describe = x => [NamedValue.Of(name, x)],
        };
    }

    /// <summary>A scalar x &gt; 0 with |x| in <paramref name="magnitude"/>'s range.</summary>
    public static Domain<double> Positive(string name, Magnitude magnitude = Magnitude.Unit) => Scalar(name, magnitude, Signs.Positive);

    /// <summary>A scalar x ≥ 0: 0 or |x| in <paramref name="magnitude"/>'s range.</summary>
    public static Domain<double> NonNegative(string name, Magnitude magnitude = Magnitude.Unit) => Scalar(name, magnitude, Signs.NonNegative);

    /// <summary>
    /// A scalar in the closed interval [<paramref name="min"/>, <paramref name="max"/>] (e.g. a momentum β ∈ [0, 1]).
    /// Edges: both ends, 0 and 1 where inside, and the midpoint.
    /// </summary>
    /// <exception cref="ArgumentException">an empty name, or not −∞ &lt; min &lt; max &lt; ∞.</exception>
    public static Domain<double> Interval(string name, double min, double max)
    {
        CheckName(name);
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
            throw new ArgumentException($"need finite min < max, got [{min}, {max}].", nameof(max));
        bool Contains(double x) => x >= min && x <= max;
        double width = max - min;
        var gen = Gen.Frequency(
            (6, EdgeDoubles.Unit.Select(u => Math.Clamp(min + u * width, min, max))),
            (1, Gen.Constant(min)),
            (1, Gen.Constant(max)),
            (2, Gen.Choose(0, 16).Select(k => Math.Clamp(min + width * k / 16, min, max))));
        return new Domain<double>
        {
            Generator = double.IsFinite(width) ? gen : throw new ArgumentException($"the interval [{min}, {max}] is wider than the largest double.", nameof(max)),
            Edges = () => new[] { min, max, 0.0, 1.0, min + width / 2 }.Where(Contains).Distinct(),
            Perturb = (x, r) =>
            {
                double step = width * Math.ScaleB(r.NextDouble() - 0.5, -r.Next(0, 40));
                return Math.Clamp(x + step, min, max);
            },
            Shrink = x => Simplicity.Candidates(x).Where(Contains),
            Describe = x => [NamedValue.Of(name, x)],
        };
    }

    /// <summary>
    /// A vector of <paramref name="dimension"/> entries, each a scalar of <paramref name="magnitude"/> and
    /// <paramref name="signs"/> (as <see cref="Scalar"/>). Edges: the zero vector (where admitted), all ones, the first
    /// unit vector (where admitted), alternating signs (where admitted), and all entries at either end of the range.
    /// </summary>
    /// <exception cref="ArgumentException">an empty name, dimension &lt; 1, or an undefined magnitude or sign.</exception>
    public static Domain<double[]> Vector(string name, int dimension, Magnitude magnitude = Magnitude.Unit, Signs signs = Signs.Any)
    {
        CheckName(name);
        CheckDimension(dimension);
        CheckSigns(signs);
        var (min, max) = Magnitudes.Range(magnitude);
        bool Entry(double x) => ScalarContains(x, magnitude, signs);
        IEnumerable<double[]> Edges()
        {
            double one = Math.Clamp(1.0, min, max);
            if (signs != Signs.Positive)
                yield return new double[dimension];
            yield return Filled(dimension, one);
            if (signs != Signs.Positive)
            {
                var e = new double[dimension];
                e[0] = one;
                yield return e;
            }
            if (signs == Signs.Any && dimension > 1)
                yield return [.. Enumerable.Range(0, dimension).Select(i => i % 2 == 0 ? one : -one)];
            yield return Filled(dimension, min);
            yield return Filled(dimension, max);
        }
        return new Domain<double[]>
        {
            Generator = ScalarGen(min, max, signs).ArrayOf(dimension).Select(a => a.ToArray()),
            Edges = Edges,
            Perturb = (v, r) =>
            {
                var w = (double[])v.Clone();
                int i = r.Next(w.Length);
                w[i] = PerturbScalar(w[i], r, min, max, signs);
                return w;
            },
            Shrink = v => Shrinks.Coordinates(v, x => x, (_, y) => y.All(Entry) ? y : throw new ArgumentException("outside the domain", nameof(v))),
            Describe = v => [NamedValue.Of(name, v)],
        };
    }

    /// <summary>
    /// A sign vector: <paramref name="dimension"/> entries in {−1, +1}, or in {−1, 0, +1} with
    /// <paramref name="allowZero"/> (the values sign(∇f) takes, Balles' thesis eq. 6.10). Edges: all +1, all −1,
    /// alternating, and the zero vector where admitted. Shrinks toward +1 (and 0 where admitted).
    /// </summary>
    /// <exception cref="ArgumentException">an empty name or dimension &lt; 1.</exception>
    public static Domain<double[]> SignVector(string name, int dimension, bool allowZero = false)
    {
        CheckName(name);
        CheckDimension(dimension);
        var entry = allowZero ? Gen.Elements(1.0, -1.0, 0.0) : Gen.Elements(1.0, -1.0);
        IEnumerable<double[]> Edges()
        {
            yield return Filled(dimension, 1);
            yield return Filled(dimension, -1);
            if (dimension > 1)
                yield return [.. Enumerable.Range(0, dimension).Select(i => i % 2 == 0 ? 1.0 : -1.0)];
            if (allowZero)
                yield return new double[dimension];
        }
        IEnumerable<double[]> Shrink(double[] s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (allowZero && s[i] != 0)
                    yield return With(s, i, 0);
                if (s[i] == -1)
                    yield return With(s, i, 1);
            }
        }
        return new Domain<double[]>
        {
            Generator = entry.ArrayOf(dimension).Select(a => a.ToArray()),
            Edges = Edges,
            EdgesAreExhaustive = false,
            Perturb = (s, r) =>
            {
                int i = r.Next(s.Length);
                double next = allowZero ? (s[i] == 0 ? (r.Next(2) == 0 ? 1 : -1) : (r.Next(2) == 0 ? 0 : -s[i])) : -s[i];
                return With(s, i, next);
            },
            Shrink = Shrink,
            Describe = s => [NamedValue.Of(name, s)],
        };
    }

    /// <summary>
    /// A probability vector p ∈ Δⁿ⁻¹ whose sum is 1 exactly: every entry is a multiple of 2⁻⁵² in [0, 1], so each entry,
    /// each partial sum and Σp are exact in double precision (and Σp = 1 in exact arithmetic). Edges: the first vertex
    /// e₁, the midpoint of an edge (½, ½, 0, …), the dyadic point nearest the uniform distribution. Shrinks toward
    /// coarser grids (multiples of 2⁻ˢ, s small) and vertices; climbing moves mass 2⁻ᵏ between two entries.
    /// </summary>
    /// <exception cref="ArgumentException">an empty name or dimension &lt; 1.</exception>
    public static Domain<double[]> ProbabilityVector(string name, int dimension)
    {
        CheckName(name);
        CheckDimension(dimension);
        IEnumerable<double[]> Edges()
        {
            var vertex = new double[dimension];
            vertex[0] = 1;
            yield return vertex;
            if (dimension > 1)
            {
                var half = new double[dimension];
                half[0] = half[1] = 0.5;
                yield return half;
                yield return ProbabilityVectors.OnGrid(Filled(dimension, 1.0 / dimension), 52);
            }
        }
        // Weights on the grid 2^-m: n − 1 sorted cut points in [0, 2^m], entries their gaps (m ≤ 30 keeps them ints).
        var grid = Gen.Choose(1, 30).SelectMany(m => Gen.Choose(0, 1 << m).ArrayOf(dimension - 1).Select(a => a.ToArray()), (m, cuts) =>
        {
            Array.Sort(cuts);
            var p = new double[dimension];
            int previous = 0;
            for (int i = 0; i < dimension - 1; i++)
            {
                p[i] = Math.ScaleB(cuts[i] - previous, -m);
                previous = cuts[i];
            }
            p[dimension - 1] = Math.ScaleB((1 << m) - previous, -m);
            return p;
        });
        var vertices = Gen.Choose(0, dimension - 1).Select(k =>
        {
            var p = new double[dimension];
            p[k] = 1;
            return p;
        });
        return new Domain<double[]>
        {
            Generator = dimension == 1 ? Gen.Constant(new double[] { 1 }) : Gen.Frequency((8, grid), (1, vertices)),
            Edges = Edges,
            EdgesAreExhaustive = dimension == 1,
            Perturb = (p, r) =>
            {
                if (p.Length < 2)
                    return p;
                int i = r.Next(p.Length), j = r.Next(p.Length - 1);
                if (j >= i)
                    j++;
                // δ ≤ p_i, a multiple of 2^-52 like p_i: p_i − δ and p_j + δ stay on the grid, so the sum stays exactly 1.
                double delta = Math.Min(p[i], Math.ScaleB(1, -r.Next(1, 53)));
                var q = (double[])p.Clone();
                q[i] -= delta;
                q[j] += delta;
                return q;
            },
            Shrink = ProbabilityVectors.Simpler,
            Describe = p => [NamedValue.Of(name, p)],
        };
    }

    /// <summary>
    /// A symmetric n×n matrix A = Q·diag(λ)·Qᵀ with an exactly known spectrum λ (see <see cref="SymmetricMatrix"/>):
    /// eigenvalues of <paramref name="magnitude"/> with the signs <paramref name="eigenvalueSigns"/>, Q the identity or
    /// a product of up to two Householder reflections with small integer vectors (exactly orthogonal, dense). Edges:
    /// λ all equal (one eigenvalue of multiplicity n), λ = (1, 0, …) (singular, where admitted), the two ends of the
    /// range (the worst condition number), each with the identity and with a dense basis. Shrinks toward fewer
    /// reflections and simpler eigenvalues.
    /// </summary>
    /// <exception cref="ArgumentException">an empty name, dimension &lt; 1, or an undefined magnitude or sign.</exception>
    public static Domain<SymmetricMatrix> Symmetric(string name, int dimension, Magnitude magnitude = Magnitude.Unit, Signs eigenvalueSigns = Signs.Any)
    {
        CheckName(name);
        CheckDimension(dimension);
        CheckSigns(eigenvalueSigns);
        var (min, max) = Magnitudes.Range(magnitude);
        bool Eigenvalue(double x) => ScalarContains(x, magnitude, eigenvalueSigns);
        var vector = Gen.Choose(-3, 3).ArrayOf(dimension).Select(a => a.ToArray()).Where(v => v.Any(x => x != 0));
        var reflections = dimension == 1
            ? Gen.Constant(Array.Empty<int[]>())
            : Gen.Frequency(
                (1, Gen.Constant(Array.Empty<int[]>())),
                (2, vector.Select(v => new[] { v })),
                (2, vector.SelectMany(v => vector, (v, w) => new[] { v, w })));
        var gen = from lambda in ScalarGen(min, max, eigenvalueSigns).ArrayOf(dimension).Select(a => a.ToArray())
                  from q in reflections
                  select new SymmetricMatrix(lambda, q);
        int[][] dense = dimension == 1 ? [] : [[.. Enumerable.Range(0, dimension).Select(i => i == 0 ? 2 : 1)]];
        IEnumerable<SymmetricMatrix> Edges()
        {
            double one = Math.Clamp(1.0, min, max);
            var spectra = new List<double[]> { Filled(dimension, one) };
            if (eigenvalueSigns != Signs.Positive && dimension > 1)
                spectra.Add([one, .. new double[dimension - 1]]);
            if (dimension > 1)
                spectra.Add([max, .. Filled(dimension - 1, min)]);
            if (eigenvalueSigns == Signs.Any && dimension > 1)
                spectra.Add([-one, .. Filled(dimension - 1, one)]);
            foreach (var lambda in spectra)
            {
                yield return new SymmetricMatrix(lambda, []);
                if (dense.Length > 0)
                    yield return new SymmetricMatrix(lambda, dense);
            }
        }
        IEnumerable<SymmetricMatrix> Shrink(SymmetricMatrix a)
        {
            for (int k = 0; k < a.Reflections.Count; k++)
                yield return new SymmetricMatrix(a.Eigenvalues, [.. a.Reflections.Where((_, i) => i != k)]);
            foreach (var lambda in Shrinks.Coordinates(a.Eigenvalues.ToArray(), x => x, (_, y) => y.All(Eigenvalue) ? y : throw new ArgumentException("outside the domain", nameof(a))))
                yield return new SymmetricMatrix(lambda, a.Reflections);
        }
        return new Domain<SymmetricMatrix>
        {
            Generator = gen,
            Edges = Edges,
            Perturb = (a, r) =>
            {
                var lambda = a.Eigenvalues.ToArray();
                int i = r.Next(lambda.Length);
                lambda[i] = PerturbScalar(lambda[i], r, min, max, eigenvalueSigns);
                return new SymmetricMatrix(lambda, a.Reflections);
            },
            Shrink = Shrink,
            Describe = a => a.Describe(name),
        };
    }

    /// <summary>A symmetric positive definite matrix: <see cref="Symmetric"/> with every eigenvalue &gt; 0.</summary>
    public static Domain<SymmetricMatrix> PositiveDefinite(string name, int dimension, Magnitude magnitude = Magnitude.Unit) =>
        Symmetric(name, dimension, magnitude, Signs.Positive);

    /// <summary>A symmetric positive semi-definite matrix: <see cref="Symmetric"/> with every eigenvalue ≥ 0.</summary>
    public static Domain<SymmetricMatrix> PositiveSemidefinite(string name, int dimension, Magnitude magnitude = Magnitude.Unit) =>
        Symmetric(name, dimension, magnitude, Signs.NonNegative);

    /// <summary>True when x belongs to the scalar class (magnitude and signs), as <see cref="Scalar"/> generates it.</summary>
    public static bool ScalarContains(double x, Magnitude magnitude, Signs signs)
    {
        CheckSigns(signs);
        if (x == 0)
            return signs == Signs.Any || (signs == Signs.NonNegative && !double.IsNegative(x));
        if (!Magnitudes.Contains(magnitude, x))
            return false;
        return signs == Signs.Any || x > 0;
    }

    private static Gen<double> ScalarGen(double min, double max, Signs signs) => signs switch
    {
        Signs.Positive => EdgeDoubles.Positive(min, max),
        Signs.NonNegative => EdgeDoubles.NonNegative(min, max),
        _ => EdgeDoubles.Signed(min, max),
    };

    private static IEnumerable<double> ScalarEdges(double min, double max, Signs signs)
    {
        var edges = new List<double>();
        if (min <= 1 && 1 <= max)
            edges.Add(1);
        edges.Add(min);
        edges.Add(max);
        if (signs != Signs.Positive)
            edges.Add(0);
        if (signs == Signs.Any)
        {
            edges.AddRange(edges.Where(x => x != 0).Select(x => -x).ToList());
            edges.Add(-0.0);
        }
        // Distinct by bits, so 0 and −0.0 are both kept.
        return edges.DistinctBy(BitConverter.DoubleToInt64Bits).ToList();
    }

    private static double PerturbScalar(double x, System.Random random, double min, double max, Signs signs)
    {
        if (x == 0 && signs != Signs.Positive)
        {
            // Leave zero toward either admitted sign at a random binary exponent of the range.
            double m = Math.Clamp(Math.ScaleB(1, random.Next(Math.ILogB(min), Math.ILogB(max) + 1)), min, max);
            return signs == Signs.Any && random.Next(2) == 0 ? -m : m;
        }
        double y = EdgeDoubles.Perturb(x, random, min, max);
        if (signs == Signs.Any && random.Next(20) == 0)
            y = -y;
        return y;
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }

    private static double[] With(double[] a, int i, double value)
    {
        var b = (double[])a.Clone();
        b[i] = value;
        return b;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("an input needs a name (it is printed with every counterexample).", nameof(name));
    }

    private static void CheckDimension(int dimension)
    {
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
    }

    private static void CheckSigns(Signs signs)
    {
        if (!Enum.IsDefined(signs))
            throw new ArgumentException($"signs {(int)signs} is not a defined Signs.", nameof(signs));
    }
}
