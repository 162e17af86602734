using Verification.Numerics.Arithmetic;

namespace Verification.Numerics.Statistics;

/// <summary>
/// A distribution on ℝ^d with finitely many atoms x_k and probabilities p_k, written once over <see cref="IReal{T}"/>
/// (thesis chapters 3–5: the E_t[·] of eq. 3.9, the E[·] of Lemmas 5.1/5.2 and eqs. B.24–B.25), so that an
/// expectation is a finite sum evaluated in doubles for the search and in exact rational intervals for certification.
/// Atoms at zero, repeated atoms and point masses are allowed: they are where claims about signs and ratios break.
/// </summary>
/// <remarks>
/// The atoms are values of T (usually a statement's inputs read with <c>T.Input</c>); the probabilities are given as
/// positive integer weights, p_k = w_k/Σw, exact in rigorous arithmetic (<see cref="IReal{T}.Ratio"/>).
/// </remarks>
public sealed class DiscreteLaw<T> where T : IReal<T>
{
    /// <summary>The most atoms a product or minibatch construction may create (keeps the enumeration fast).</summary>
    public const int MaxAtoms = 8192;

    private readonly T[][] _atoms;
    private readonly long[] _weights;
    private readonly long _total;

    private DiscreteLaw(T[][] atoms, long[] weights, long total, int dimension)
    {
        _atoms = atoms;
        _weights = weights;
        _total = total;
        Dimension = dimension;
    }

    /// <summary>Atoms <paramref name="atoms"/> with probabilities w_k/Σw.</summary>
    /// <exception cref="ArgumentException">
    /// No atoms, more than <see cref="MaxAtoms"/>, a count mismatch, atoms of different or zero dimension, a weight ≤ 0,
    /// or a total weight beyond 2^53 (so that every p_k is also exact in double precision's integer range).
    /// </exception>
    public static DiscreteLaw<T> Weighted(IReadOnlyList<T[]> atoms, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(weights);
        if (atoms.Count == 0)
            throw new ArgumentException("atoms must not be empty.", nameof(atoms));
        if (atoms.Count > MaxAtoms)
            throw new ArgumentException($"atoms has {atoms.Count} entries, at most {MaxAtoms} are enumerated.", nameof(atoms));
        if (weights.Count != atoms.Count)
            throw new ArgumentException($"weights has {weights.Count} entries, atoms {atoms.Count}.", nameof(weights));
        int d = atoms[0]?.Length ?? 0;
        if (d == 0)
            throw new ArgumentException("atoms[0] must have at least one coordinate.", nameof(atoms));
        long total = 0;
        var copy = new T[atoms.Count][];
        for (int k = 0; k < atoms.Count; k++)
        {
            ArgumentNullException.ThrowIfNull(atoms[k], nameof(atoms));
            if (atoms[k].Length != d)
                throw new ArgumentException($"atoms[{k}] has dimension {atoms[k].Length}, expected {d}.", nameof(atoms));
            if (weights[k] <= 0)
                throw new ArgumentException($"weights[{k}] must be > 0, got {weights[k]}.", nameof(weights));
            total += weights[k];
            if (total > 1L << 53)
                throw new ArgumentException($"the total weight must be at most 2^53, got more after weights[{k}].", nameof(weights));
            copy[k] = (T[])atoms[k].Clone();
        }
        return new DiscreteLaw<T>(copy, weights.ToArray(), total, d);
    }

    /// <summary>
    /// A zero-mean law from K − 1 free atoms and K weights: the last atom is −Σ_{k&lt;K−1} w_k x_k / w_{K−1}, computed in T
    /// (exactly in rigorous arithmetic), so E[X] = 0 holds exactly there. With no free atom it is the point mass at 0.
    /// </summary>
    /// <exception cref="ArgumentException">weights.Count ≠ freeAtoms.Count + 1, a free atom of another dimension, d &lt; 1, or as <see cref="Weighted"/>.</exception>
    public static DiscreteLaw<T> ZeroMean(IReadOnlyList<T[]> freeAtoms, IReadOnlyList<long> weights, int dimension)
    {
        ArgumentNullException.ThrowIfNull(freeAtoms);
        ArgumentNullException.ThrowIfNull(weights);
        if (dimension < 1)
            throw new ArgumentException($"dimension must be ≥ 1, got {dimension}.", nameof(dimension));
        if (weights.Count != freeAtoms.Count + 1)
            throw new ArgumentException($"weights needs one entry per free atom plus one for the balancing atom: {freeAtoms.Count + 1}, got {weights.Count}.", nameof(weights));
        if (weights[^1] <= 0)
            throw new ArgumentException($"weights[{weights.Count - 1}] must be > 0, got {weights[^1]}.", nameof(weights));
        var last = new T[dimension];
        for (int i = 0; i < dimension; i++)
        {
            T sum = 0;
            for (int k = 0; k < freeAtoms.Count; k++)
            {
                ArgumentNullException.ThrowIfNull(freeAtoms[k], nameof(freeAtoms));
                if (freeAtoms[k].Length != dimension)
                    throw new ArgumentException($"freeAtoms[{k}] has dimension {freeAtoms[k].Length}, expected {dimension}.", nameof(freeAtoms));
                sum += Scale(weights[k]) * freeAtoms[k][i];
            }
            last[i] = -sum / Scale(weights[^1]);
        }
        return Weighted([.. freeAtoms, last], weights);
    }

    /// <summary>d, the dimension of every atom.</summary>
    public int Dimension { get; }

    /// <summary>The number of atoms.</summary>
    public int Count => _atoms.Length;

    /// <summary>Atom k (a copy).</summary>
    public T[] Atom(int k) => (T[])_atoms[k].Clone();

    /// <summary>P[X = atom k] = w_k/Σw.</summary>
    public T Probability(int k) => Fraction(_weights[k], _total);

    /// <summary>E[h(X)] = Σ_k p_k h(x_k), summed in atom order (h receives a copy of the atom).</summary>
    public T Expectation(Func<T[], T> h)
    {
        ArgumentNullException.ThrowIfNull(h);
        T sum = 0;
        for (int k = 0; k < _atoms.Length; k++)
            sum += Probability(k) * h((T[])_atoms[k].Clone());
        return sum;
    }

    /// <summary>P[X ∈ A] = Σ over the atoms in A of p_k (the event is decided per atom, e.g. by comparisons of T).</summary>
    public T ProbabilityOf(Func<T[], bool> inEvent)
    {
        ArgumentNullException.ThrowIfNull(inEvent);
        long hits = 0;
        for (int k = 0; k < _atoms.Length; k++)
            if (inEvent((T[])_atoms[k].Clone()))
                hits += _weights[k];
        return Fraction(hits, _total);
    }

    /// <summary>E[X].</summary>
    public T[] Mean() => Enumerable.Range(0, Dimension).Select(i => Expectation(x => x[i])).ToArray();

    /// <summary>E[X_i²] for every i.</summary>
    public T[] SecondMoment() => Enumerable.Range(0, Dimension).Select(i => Expectation(x => x[i] * x[i])).ToArray();

    /// <summary>Var[X_i] = E[(X_i − E X_i)²] for every i (the diagonal of Cov[X]; a sum of squares, never negative).</summary>
    public T[] Variance()
    {
        var mean = Mean();
        return Enumerable.Range(0, Dimension).Select(i => Expectation(x => (x[i] - mean[i]) * (x[i] - mean[i]))).ToArray();
    }

    /// <summary>tr Cov[X] = E‖X − E X‖² (thesis eq. 3.12).</summary>
    public T TraceCovariance() => Variance().Aggregate(T.Of(0), (a, b) => a + b);

    /// <summary>
    /// The joint law of n iid copies (X⁽¹⁾, …, X⁽ⁿ⁾) as one vector of dimension n·d (copy j in coordinates j·d … j·d + d − 1),
    /// by enumerating all Countⁿ combinations.
    /// </summary>
    /// <exception cref="ArgumentException">n &lt; 1, or more than <see cref="MaxAtoms"/> combinations, or a total weight beyond 2^53.</exception>
    public DiscreteLaw<T> IidProduct(int n)
    {
        if (n < 1)
            throw new ArgumentException($"n must be ≥ 1, got {n}.", nameof(n));
        if (Math.Pow(Count, n) > MaxAtoms)
            throw new ArgumentException($"n = {n} gives {Count}^{n} combinations, more than {MaxAtoms}.", nameof(n));
        var atoms = new List<T[]> { Array.Empty<T>() };
        var weights = new List<long> { 1 };
        for (int j = 0; j < n; j++)
        {
            var nextAtoms = new List<T[]>(atoms.Count * Count);
            var nextWeights = new List<long>(atoms.Count * Count);
            for (int a = 0; a < atoms.Count; a++)
                for (int k = 0; k < Count; k++)
                {
                    nextAtoms.Add([.. atoms[a], .. _atoms[k]]);
                    long product;
                    try
                    {
                        product = checked(weights[a] * _weights[k]);
                    }
                    catch (OverflowException)
                    {
                        // Every weight is ≥ 1, so one product beyond 2^63 puts the total beyond 2^53 as well.
                        throw new ArgumentException($"n = {n} gives a total weight beyond 2^53.", nameof(n));
                    }
                    nextWeights.Add(product);
                }
            atoms = nextAtoms;
            weights = nextWeights;
        }
        return Weighted(atoms, weights);
    }

    /// <summary>The law of the minibatch mean (1/m)Σ_j X⁽ʲ⁾ of m iid copies (thesis eq. 3.4).</summary>
    /// <exception cref="ArgumentException">m &lt; 1, or as <see cref="IidProduct"/>.</exception>
    public DiscreteLaw<T> MinibatchMean(int m)
    {
        if (m < 1)
            throw new ArgumentException($"m must be ≥ 1, got {m}.", nameof(m));
        var product = IidProduct(m);
        int d = Dimension;
        var atoms = new T[product.Count][];
        for (int k = 0; k < product.Count; k++)
        {
            var x = product._atoms[k];
            var mean = new T[d];
            for (int i = 0; i < d; i++)
            {
                T s = 0;
                for (int j = 0; j < m; j++)
                    s += x[j * d + i];
                mean[i] = s / m;
            }
            atoms[k] = mean;
        }
        return new DiscreteLaw<T>(atoms, product._weights, product._total, d);
    }

    /// <summary>p/q as T, exact in rigorous arithmetic (both below 2^53, so also exact operands in doubles).</summary>
    private static T Fraction(long p, long q) => Scale(p) / Scale(q);

    /// <summary>An integer below 2^53 as T, exactly.</summary>
    private static T Scale(long w) => T.Of(w);
}
