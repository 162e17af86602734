namespace Verification.Numerics.Arithmetic;

/// <summary>
/// A change of variables x = φ(t) for one coordinate of a proof box (issue "Theorem checking", item 3): the prover splits
/// and tags t, and the statement reads x = φ(t) through <c>T.Input</c> (<see cref="EnclosureSettings.UseMaps"/>), in
/// every arithmetic: rational intervals (φ over a box of t), dual numbers (the chain rule through φ's own operations),
/// face expansions (φ's Laurent expansion at a face of t, e.g. x = 1/t² has a pole of order 2 at t = 0) and degrees.
/// φ is written once, generically, like a statement.
/// </summary>
public abstract class CoordinateMap
{
    /// <summary>x = φ(t), in arithmetic T.</summary>
    public abstract T Apply<T>(T t) where T : IReal<T>;

    /// <summary>φ in words, with <paramref name="input"/> for x and <paramref name="coordinate"/> for t, e.g. "x = 1/t²".</summary>
    public abstract string Describe(string input, string coordinate);

    /// <summary>
    /// The value of t that φ sends to infinity (no input corresponds to it: a face of the box there holds no point of the
    /// domain), or null.
    /// </summary>
    public virtual double? Pole => null;

    /// <summary>x = 1/t² (t ∈ (0, 1] onto x ∈ [1, ∞), pole at t = 0): analytic at infinity for √(x + c) = √(1 + ct²)/t.</summary>
    public static CoordinateMap InverseSquare { get; } = new InverseSquareMap(1);

    /// <summary>x = c/t² for an integer c ≥ 1 (t ∈ (0, 1] onto x ∈ [c, ∞), pole at t = 0), exact in every arithmetic.</summary>
    /// <exception cref="ArgumentException"><paramref name="scale"/> &lt; 1.</exception>
    public static CoordinateMap ScaledInverseSquare(int scale) => scale >= 1
        ? new InverseSquareMap(scale)
        : throw new ArgumentException($"scale must be ≥ 1, got {scale}.", nameof(scale));

    /// <summary>
    /// x = −1/t² (t ∈ (0, 1] onto x ∈ (−∞, −1], pole at t = 0): the negative half-line's counterpart of
    /// <see cref="InverseSquare"/>, e.g. for a curvature λ → −∞.
    /// </summary>
    public static CoordinateMap NegativeInverseSquare { get; } = new InverseSquareMap(-1);

    /// <summary>x = t² (t ∈ [0, 1] onto x ∈ [0, 1]): √x = t is analytic at x = 0 in t.</summary>
    public static CoordinateMap Square { get; } = new SquareMap();

    /// <summary>
    /// x = (1 − t²)/(c·t²) for an integer c ≥ 1 (t ∈ (0, 1] onto x ∈ [0, ∞), pole at t = 0, x = 0 at t = 1), so that
    /// √(1 + c·x) = 1/t exactly: a statement in √(1 + cx) then has rational face coefficients at t = 0 (with
    /// <see cref="InverseSquare"/> they hold √c, an interval, so terms that cancel to leading order never cancel exactly).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scale"/> &lt; 1.</exception>
    public static CoordinateMap RationalizedSquareRoot(int scale) => scale >= 1
        ? new RationalizedSquareRootMap(scale)
        : throw new ArgumentException($"scale must be ≥ 1, got {scale}.", nameof(scale));

    private sealed class RationalizedSquareRootMap(int scale) : CoordinateMap
    {
        public override T Apply<T>(T t) => (1 - t * t) / (scale * (t * t));

        public override string Describe(string input, string coordinate) => $"{input} = (1 − {coordinate}²)/({scale}{coordinate}²)";

        public override double? Pole => 0;
    }

    private sealed class InverseSquareMap(int scale) : CoordinateMap
    {
        public override T Apply<T>(T t) => scale / (t * t);

        public override string Describe(string input, string coordinate) =>
            scale < 0 ? $"{input} = −{-scale}/{coordinate}²" : $"{input} = {scale}/{coordinate}²";

        public override double? Pole => 0;
    }

    private sealed class SquareMap : CoordinateMap
    {
        public override T Apply<T>(T t) => t * t;

        public override string Describe(string input, string coordinate) => $"{input} = {coordinate}²";
    }
}
