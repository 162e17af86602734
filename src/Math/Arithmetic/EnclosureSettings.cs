namespace Verification.Math.Arithmetic;

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
