using System.Numerics;
using Fractions;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Statistics;

/// <summary>
/// A distribution on ℝ^d with finitely many atoms x_k of exact rational coordinates and probabilities
/// w_k / Σw (positive integer weights), so that every expectation of a rational function is an exact rational.
/// Atoms at zero, repeated atoms and point masses are allowed: they are where claims about signs and ratios break.
/// This is the exact expectation engine of thesis chapters 3–5 (E_t[·] of eq. 3.9, E[·] of Lemmas 5.1/5.2, B.24–B.25).
/// </summary>
public sealed class DiscreteDistribution
{
    /// <summary>The most atoms a product or minibatch construction may create (keeps exact enumeration fast).</summary>
    public const int MaxAtoms = 8192;

    private readonly Fraction[][] _atoms;
    private readonly Fraction[] _probabilities;
    private readonly Lazy<double[][]> _atomsAsDoubles;
    private readonly Lazy<(double Mantissa, int Exponent)[]> _probabilitiesAsDoubles;
    private readonly Lazy<Fraction[]> _mean;
    private readonly Lazy<Fraction[]> _variance;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DiscreteDistribution> _products = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DiscreteDistribution> _minibatches = new();

    /// <summary>A distribution with atoms <paramref name="atoms"/> and positive integer weights <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentException">No atoms, a length mismatch, atoms of different dimension, or a weight ≤ 0.</exception>
    public DiscreteDistribution(IReadOnlyList<Fraction[]> atoms, IReadOnlyList<BigInteger> weights)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(weights);
        if (atoms.Count == 0)
            throw new ArgumentException("atoms must not be empty.", nameof(atoms));
        if (atoms.Count > MaxAtoms)
            throw new ArgumentException($"atoms has {atoms.Count} entries, at most {MaxAtoms} are enumerated.", nameof(atoms));
        Require.SameLength(atoms.Count, weights.Count, nameof(weights));
        int d = atoms[0]?.Length ?? 0;
        if (d == 0)
            throw new ArgumentException("atoms[0] must have at least one coordinate.", nameof(atoms));
        BigInteger total = BigInteger.Zero;
        for (int k = 0; k < atoms.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(atoms[k], nameof(atoms));
            if (atoms[k].Length != d)
                throw new ArgumentException($"atoms[{k}] has dimension {atoms[k].Length}, expected {d}.", nameof(atoms));
            if (weights[k].Sign <= 0)
                throw new ArgumentException($"weights[{k}] must be > 0, got {weights[k]}.", nameof(weights));
            total += weights[k];
        }
        _atoms = atoms.Select(a => (Fraction[])a.Clone()).ToArray();
        _probabilities = weights.Select(w => new Fraction(w, total)).ToArray();
        Dimension = d;
        // The distribution is immutable: derived quantities are computed once (the claims evaluate them many times).
        _atomsAsDoubles = new(() => _atoms.Select(a => a.Select(ExactDouble.ToDouble).ToArray()).ToArray());
        _probabilitiesAsDoubles = new(() => _probabilities.Select(Split).ToArray());
        _mean = new(() => Enumerable.Range(0, Dimension).Select(i => Expectation(x => x[i])).ToArray());
        _variance = new(() =>
        {
            var mean = _mean.Value;
            return Enumerable.Range(0, Dimension).Select(i => Expectation(x => (x[i] - mean[i]) * (x[i] - mean[i]))).ToArray();
        });
    }

    /// <summary>Atoms given as finite doubles (their exact rational values) with integer weights.</summary>
    public static DiscreteDistribution FromDoubles(IReadOnlyList<double[]> atoms, IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(weights);
        var exact = new Fraction[atoms.Count][];
        for (int k = 0; k < atoms.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(atoms[k], nameof(atoms));
            exact[k] = new Fraction[atoms[k].Length];
            for (int i = 0; i < atoms[k].Length; i++)
            {
                if (!double.IsFinite(atoms[k][i]))
                    throw new ArgumentException($"atoms[{k}][{i}] must be finite, got {Require.Show(atoms[k][i])}.", nameof(atoms));
                exact[k][i] = ExactDouble.ToFraction(atoms[k][i]);
            }
        }
        return new DiscreteDistribution(exact, weights.Select(w => new BigInteger(w)).ToArray());
    }

    /// <summary>A point mass at <paramref name="value"/>.</summary>
    public static DiscreteDistribution PointMass(Fraction[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new([value], [BigInteger.One]);
    }

    /// <summary>d, the dimension of every atom.</summary>
    public int Dimension { get; }

    /// <summary>The number of atoms.</summary>
    public int Count => _atoms.Length;

    /// <summary>Atom k (a copy).</summary>
    public Fraction[] Atom(int k) => (Fraction[])_atoms[k].Clone();

    /// <summary>
    /// Atom k rounded to doubles: each coordinate the nearest double (ties to even), so within ½ ulp of the exact
    /// coordinate (2^-1075 where it is subnormal); a negative coordinate that rounds to 0 gives −0.
    /// </summary>
    /// <exception cref="ArgumentException">k out of range, or a coordinate beyond ±double.MaxValue (it has no double).</exception>
    public double[] AtomAsDoubles(int k)
    {
        if (k < 0 || k >= Count)
            throw new ArgumentException($"k must be in 0…{Count - 1}, got {k}.", nameof(k));
        return (double[])InRange(k).Clone();
    }

    /// <summary>Atom k as doubles; an <see cref="ArgumentException"/> where a coordinate rounded to ±∞.</summary>
    private double[] InRange(int k)
    {
        var atom = _atomsAsDoubles.Value[k];
        for (int i = 0; i < atom.Length; i++)
            if (double.IsInfinity(atom[i]))
                throw new ArgumentException(
                    $"atom {k}'s coordinate {i} is beyond ±double.MaxValue, so it has no double value (the range is |x| ≤ 1.8e308); use the exact atom.",
                    "k");
        return atom;
    }

    /// <summary>p = m·2^e with m in [1, 2), exactly for the exponent and within ½ulp for m (p &gt; 0 never rounds to 0).</summary>
    private static (double Mantissa, int Exponent) Split(Fraction p)
    {
        int e = ExactDouble.FloorLog2(p);
        return (ExactDouble.ToDouble(p / ExactDouble.Pow2(e)), e);
    }

    /// <summary>P[X = atom k] (exact).</summary>
    public Fraction Probability(int k) => _probabilities[k];

    /// <summary>E[h(X)] exactly, for h with rational values.</summary>
    public Fraction Expectation(Func<Fraction[], Fraction> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        Fraction sum = Fraction.Zero;
        for (int k = 0; k < _atoms.Length; k++)
            sum += _probabilities[k] * h(_atoms[k]);
        return sum;
    }

    /// <summary>An enclosure of E[h(X)] for h given by enclosures (e.g. with square roots).</summary>
    public RationalInterval Expectation(Func<Fraction[], RationalInterval> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var sum = RationalInterval.Zero;
        for (int k = 0; k < _atoms.Length; k++)
            sum += RationalInterval.Exact(_probabilities[k]) * h(_atoms[k]);
        return sum;
    }

    /// <summary>
    /// E[h(X)] in double precision: atoms rounded to doubles, probabilities kept as m·2^e (so that a probability below
    /// 2^-1074 still weighs h: the former rounding to a double dropped it), Σ p_k h_k summed as ½p_k·h_k and doubled at the end
    /// so that no partial sum overflows (|Σ p_k h_k| ≤ max|h_k|). Accuracy, u = 2^-53, n atoms: within (n + 3)u·Σ p_k|h_k| +
    /// n·2^-1074 of Σ p_k h_k for the h_k computed (a sum whose rounding exceeds double.MaxValue, within that bound of it, is
    /// returned as ±double.MaxValue).
    /// </summary>
    /// <exception cref="ArgumentException">h returns NaN or ±∞, or an atom's coordinate is beyond ±double.MaxValue.</exception>
    public double ExpectationAsDouble(Func<double[], double> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var probabilities = _probabilitiesAsDoubles.Value;
        double half = 0;
        for (int k = 0; k < Count; k++)
        {
            double value = h((double[])InRange(k).Clone());
            if (!double.IsFinite(value))
                throw new ArgumentException($"h must be finite, got {Require.Show(value)} at atom {k}.", nameof(h));
            var (m, e) = probabilities[k];
            // ½·p_k·h_k = (h_k·m/2)·2^e: |h_k·m/2| ≤ |h_k|, 2^e ≤ 1. A product on the subnormal grid would be rounded
            // twice (here and by ScaleB; 3·2^-1074 and 18·2^-1074 with weights 5 and 1 gave 8·2^-1074 for 5.5·2^-1074),
            // so a tiny h_k is first lifted by 2^64: the product is then normal and only ScaleB rounds on the grid.
            int lift = Math.Abs(value) < TinyTerm ? 64 : 0;
            half += Math.ScaleB(Math.ScaleB(value, lift) * (m / 2), e - lift);
        }
        double sum = 2 * half;
        return double.IsInfinity(sum) ? Math.CopySign(double.MaxValue, sum) : sum;
    }

    /// <summary>2^-960: below it h_k·m/2 may be subnormal; h_k·2^64 stays below 2^-896, far from overflow.</summary>
    private static readonly double TinyTerm = Math.ScaleB(1.0, -960);

    /// <summary>P[X ∈ A] exactly.</summary>
    public Fraction ProbabilityOf(Func<Fraction[], bool> inEvent)
    {
        ArgumentNullException.ThrowIfNull(inEvent);
        return Expectation(x => inEvent(x) ? Fraction.One : Fraction.Zero);
    }

    /// <summary>E[X], exactly.</summary>
    public Fraction[] Mean() => (Fraction[])_mean.Value.Clone();

    /// <summary>E[X_i²] for every i, exactly.</summary>
    public Fraction[] SecondMoment() => Enumerable.Range(0, Dimension).Select(i => Expectation(x => x[i] * x[i])).ToArray();

    /// <summary>Var[X_i] = E[X_i²] − E[X_i]² for every i (the diagonal of Cov[X]), exactly.</summary>
    public Fraction[] Variance() => (Fraction[])_variance.Value.Clone();

    /// <summary>tr Cov[X] = E‖X − E X‖², exactly (eq. 3.12).</summary>
    public Fraction TraceCovariance() => Variance().Aggregate(Fraction.Zero, (a, b) => a + b);

    /// <summary>The distribution of X + <paramref name="offset"/>.</summary>
    public DiscreteDistribution Shift(Fraction[] offset)
    {
        ArgumentNullException.ThrowIfNull(offset);
        Require.SameLength(Dimension, offset.Length, nameof(offset));
        return Map(x => x.Zip(offset, (a, b) => a + b).ToArray());
    }

    /// <summary>The distribution of T(X) (atoms mapped, probabilities kept).</summary>
    public DiscreteDistribution Map(Func<Fraction[], Fraction[]> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var weights = Weights();
        return new DiscreteDistribution(_atoms.Select(transform).ToArray(), weights);
    }

    /// <summary>
    /// The joint distribution of n iid copies (X⁽¹⁾, …, X⁽ⁿ⁾), as one vector of dimension n·d (copy j in
    /// coordinates j·d … j·d + d − 1), by enumerating all Countⁿ combinations.
    /// </summary>
    /// <exception cref="ArgumentException">n &lt; 1 or more than <see cref="MaxAtoms"/> combinations.</exception>
    public DiscreteDistribution IidProduct(int n)
    {
        if (n < 1)
            throw new ArgumentException($"n must be ≥ 1, got {n}.", nameof(n));
        return _products.GetOrAdd(n, BuildProduct);
    }

    private DiscreteDistribution BuildProduct(int n)
    {
        if (n < 1)
            throw new ArgumentException($"n must be ≥ 1, got {n}.", nameof(n));
        if (BigInteger.Pow(Count, n) > MaxAtoms)
            throw new ArgumentException($"n = {n} gives {Count}^{n} combinations, more than {MaxAtoms}.", nameof(n));
        var weights = Weights();
        var atoms = new List<Fraction[]> { Array.Empty<Fraction>() };
        var ws = new List<BigInteger> { BigInteger.One };
        for (int j = 0; j < n; j++)
        {
            var nextAtoms = new List<Fraction[]>();
            var nextWeights = new List<BigInteger>();
            for (int a = 0; a < atoms.Count; a++)
                for (int k = 0; k < Count; k++)
                {
                    nextAtoms.Add([.. atoms[a], .. _atoms[k]]);
                    nextWeights.Add(ws[a] * weights[k]);
                }
            atoms = nextAtoms;
            ws = nextWeights;
        }
        return new DiscreteDistribution(atoms, ws);
    }

    /// <summary>The distribution of the minibatch mean (1/m)Σ X⁽ʲ⁾ of m iid copies (eq. 3.4).</summary>
    public DiscreteDistribution MinibatchMean(int m)
    {
        if (m < 1)
            throw new ArgumentException($"m must be ≥ 1, got {m}.", nameof(m));
        return _minibatches.GetOrAdd(m, BuildMinibatchMean);
    }

    private DiscreteDistribution BuildMinibatchMean(int m)
    {
        int d = Dimension;
        return IidProduct(m).Map(x =>
        {
            var mean = new Fraction[d];
            for (int i = 0; i < d; i++)
            {
                Fraction s = Fraction.Zero;
                for (int j = 0; j < m; j++)
                    s += x[j * d + i];
                mean[i] = s / new Fraction(m);
            }
            return mean;
        });
    }

    /// <summary>The integer weights w_k with P[X = x_k] = w_k/Σw (a common denominator of the probabilities).</summary>
    private BigInteger[] Weights()
    {
        BigInteger lcm = BigInteger.One;
        foreach (var p in _probabilities)
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, p.Denominator) * p.Denominator;
        return _probabilities.Select(p => p.Numerator * (lcm / p.Denominator)).ToArray();
    }
}
