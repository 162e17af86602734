namespace Verification.Numerics.Arithmetic;

/// <summary>
/// The per-thread settings of rigorous arithmetic: how many significant bits transcendental enclosures (√, exp, log,
/// erf) carry, and whether <see cref="IReal{T}.Input"/> widens each input into a box. The engine sets them around an
/// evaluation with <see cref="Use"/>; each thread has its own, so claims checked in parallel do not interfere.
/// </summary>
public static class EnclosureSettings
{
    /// <summary>The precision used when none is set.</summary>
    public const int DefaultBits = 128;

    [ThreadStatic]
    private static int _bits;

    [ThreadStatic]
    private static double _boxRadius;

    [ThreadStatic]
    private static int _inputsWidened;

    [ThreadStatic]
    private static Dictionary<long, (Exact.RationalInterval Box, int Index)>? _tags;

    /// <summary>
    /// The proof boxes of this thread's tagged inputs: an input whose double value is a tag is read as its box (each
    /// coordinate of a proof box is represented by a distinct double inside it). Null outside a proof.
    /// </summary>
    public static Exact.RationalInterval? TaggedBox(double value) =>
        _tags is { } t && t.TryGetValue(BitConverter.DoubleToInt64Bits(value), out var e) ? e.Box : null;

    /// <summary>The coordinate index of a tagged input, or null.</summary>
    public static int? TagIndex(double value) =>
        _tags is { } t && t.TryGetValue(BitConverter.DoubleToInt64Bits(value), out var e) ? e.Index : null;

    /// <summary>How many coordinates are tagged (the gradient length of <see cref="Dual{T}"/>).</summary>
    public static int TagCount => _tags?.Values.Select(v => v.Index + 1).DefaultIfEmpty(0).Max() ?? 0;

    /// <summary>Tags inputs with boxes (coordinate i: tags[i] ↦ boxes[i]) until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException">lengths differ, or one tag names two coordinates.</exception>
    public static TagScope UseTags(IReadOnlyList<double> tags, IReadOnlyList<Exact.RationalInterval> boxes)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(boxes);
        if (tags.Count != boxes.Count)
            throw new ArgumentException($"{tags.Count} tags for {boxes.Count} boxes.", nameof(boxes));
        var map = new Dictionary<long, (Exact.RationalInterval, int)>();
        for (int i = 0; i < tags.Count; i++)
        {
            long key = BitConverter.DoubleToInt64Bits(tags[i]);
            if (!map.TryAdd(key, (boxes[i], i)))
                throw new ArgumentException($"tag {tags[i]} names two coordinates.", nameof(tags));
        }
        var scope = new TagScope(_tags);
        _tags = map;
        return scope;
    }

    [ThreadStatic]
    private static IReadOnlyList<CoordinateMap?>? _maps;

    [ThreadStatic]
    private static bool _mapping;

    /// <summary>
    /// Declares a change of variables per proof coordinate (index k: x_k = φ_k(t_k), null for none) until disposed: a
    /// tagged input of a mapped coordinate then reads as φ_k of its box (<see cref="Mapped{T}"/>).
    /// </summary>
    public static MapScope UseMaps(IReadOnlyList<CoordinateMap?> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var scope = new MapScope(_maps);
        _maps = maps;
        return scope;
    }

    /// <summary>
    /// For an arithmetic's <c>Input</c>: where <paramref name="value"/> is the tag of a mapped coordinate, φ applied in T to
    /// the coordinate itself (read by <paramref name="raw"/>, the arithmetic's own reading of a tag, with maps off so that
    /// nested arithmetics read the plain coordinate); else false.
    /// </summary>
    public static bool Mapped<T>(double value, Func<double, T> raw, out T mapped) where T : IReal<T>
    {
        ArgumentNullException.ThrowIfNull(raw);
        mapped = default!;
        if (_mapping || _maps is not { } maps || TagIndex(value) is not { } k || k >= maps.Count || maps[k] is not { } map)
            return false;
        _mapping = true;
        try
        {
            mapped = map.Apply(raw(value));
        }
        finally
        {
            _mapping = false;
        }
        return true;
    }

    /// <summary>Restores the previous maps when disposed.</summary>
    public readonly struct MapScope : IDisposable
    {
        private readonly IReadOnlyList<CoordinateMap?>? _previous;

        internal MapScope(IReadOnlyList<CoordinateMap?>? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _maps = _previous;
    }

    [ThreadStatic]
    private static IReadOnlyList<IReadOnlyList<double>>? _degrees;

    /// <summary>The degree of proof coordinate k under the declared scalings (<see cref="Graded"/>), or null.</summary>
    public static IReadOnlyList<double>? DegreeOf(int k) => _degrees is { } d && k < d.Count ? d[k] : null;

    /// <summary>Declares the degree of each proof coordinate (index k: its exponent per scaling) until disposed.</summary>
    public static DegreeScope UseDegrees(IReadOnlyList<IReadOnlyList<double>> degrees)
    {
        ArgumentNullException.ThrowIfNull(degrees);
        var scope = new DegreeScope(_degrees);
        _degrees = degrees;
        return scope;
    }

    /// <summary>Restores the previous degrees when disposed.</summary>
    public readonly struct DegreeScope : IDisposable
    {
        private readonly IReadOnlyList<IReadOnlyList<double>>? _previous;

        internal DegreeScope(IReadOnlyList<IReadOnlyList<double>>? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _degrees = _previous;
    }

    /// <summary>Restores the previous tags when disposed.</summary>
    public readonly struct TagScope : IDisposable
    {
        private readonly Dictionary<long, (Exact.RationalInterval, int)>? _previous;

        internal TagScope(Dictionary<long, (Exact.RationalInterval, int)>? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _tags = _previous;
    }

    /// <summary>How many inputs this thread has widened into boxes so far (a statement that widens none has no box).</summary>
    public static int InputsWidened => _inputsWidened;

    /// <summary>Counts one widened input (called by rigorous arithmetic in box mode).</summary>
    public static void CountWidenedInput() => _inputsWidened++;

    /// <summary>Significant bits of √, exp, log and erf enclosures on this thread.</summary>
    public static int Bits => _bits == 0 ? DefaultBits : _bits;

    /// <summary>
    /// The relative radius r of input boxes on this thread (0: inputs are points). In box mode an input x becomes
    /// [x − r·max(|x|, 2⁻¹⁰²²), x + r·max(|x|, 2⁻¹⁰²²)]: a neighbourhood of every point, zeros included.
    /// </summary>
    public static double BoxRadius => _boxRadius;

    /// <summary>Sets the precision (and box radius) until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException">bits outside [16, 65536]; a negative or non-finite radius.</exception>
    public static Scope Use(int bits, double boxRadius = 0)
    {
        if (bits < 16 || bits > 1 << 16)
            throw new ArgumentException($"bits must be in [16, 65536], got {bits}.", nameof(bits));
        if (!(boxRadius >= 0) || !double.IsFinite(boxRadius))
            throw new ArgumentException($"boxRadius must be finite and ≥ 0, got {boxRadius}.", nameof(boxRadius));
        var scope = new Scope(_bits, _boxRadius);
        _bits = bits;
        _boxRadius = boxRadius;
        return scope;
    }

    /// <summary>Restores the previous settings when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly int _previousBits;
        private readonly double _previousRadius;

        internal Scope(int previousBits, double previousRadius)
        {
            _previousBits = previousBits;
            _previousRadius = previousRadius;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _bits = _previousBits;
            _boxRadius = _previousRadius;
        }
    }
}
