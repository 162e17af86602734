using System.Globalization;
using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>
/// One diagonal block of a <see cref="BlockCase"/>: a scalar [c], a 2×2 [[a, b], [b, d]] (<see cref="Values"/> = a, b, d),
/// or a rank-one c·uuᵀ (<see cref="Values"/> = c, u…). Each has closed-form eigenpairs, so the eigenvector norms of
/// Props. 6.5 and eq. (6.21) can be enclosed exactly.
/// </summary>
internal sealed record Block(char Kind, double[] Values)
{
    internal int Size => Kind switch { 's' => 1, 'p' => 2, _ => Values.Length - 1 };
}

/// <summary>
/// A block-diagonal symmetric H (any signs: indefinite, rank-deficient, zero), with an orthonormal eigenbasis built blockwise.
/// Where eigenvalues repeat across blocks the eigenbasis is not unique; the blockwise basis is one valid choice.
/// </summary>
internal sealed record BlockCase(IReadOnlyList<Block> Blocks)
{
    internal int D => Blocks.Sum(b => b.Size);

    internal double[,] H
    {
        get
        {
            var h = new double[D, D];
            int o = 0;
            foreach (var b in Blocks)
            {
                switch (b.Kind)
                {
                    case 's': h[o, o] = b.Values[0]; break;
                    case 'p': h[o, o] = b.Values[0]; h[o, o + 1] = h[o + 1, o] = b.Values[1]; h[o + 1, o + 1] = b.Values[2]; break;
                    default:
                        for (int i = 0; i < b.Size; i++)
                            for (int j = 0; j < b.Size; j++)
                                h[o + i, o + j] = b.Values[0] * b.Values[1 + i] * b.Values[1 + j];
                        break;
                }
                o += b.Size;
            }
            return h;
        }
    }

    /// <summary>Eigen-data per nonzero-or-not eigenpair: (|λ|, ‖v‖₁², ‖v‖₁/‖v‖∞) as exact enclosures.</summary>
    internal IEnumerable<(RationalInterval AbsLambda, RationalInterval L1Squared, RationalInterval L1OverInf)> Exact(int bits)
    {
        foreach (var b in Blocks)
        {
            var v = b.Values.Select(ExactDouble.ToFraction).ToArray();
            switch (b.Kind)
            {
                case 's':
                    yield return (P(v[0].Abs()), P(Fraction.One), P(Fraction.One));
                    break;
                case 'p' when v[1].IsZero:
                    yield return (P(v[0].Abs()), P(Fraction.One), P(Fraction.One));
                    yield return (P(v[2].Abs()), P(Fraction.One), P(Fraction.One));
                    break;
                case 'p':
                    var half = new Fraction(1, 2);
                    var diff = (v[2] - v[0]) * half;
                    var root = P(diff * diff + v[1] * v[1]).Sqrt(bits);
                    var mid = P((v[0] + v[2]) * half);
                    foreach (var sign in new[] { 1, -1 })
                    {
                        var lambda = sign > 0 ? mid + root : mid - root;
                        var x = sign > 0 ? P(diff) + root : P(diff) - root; // λ − a
                        var bAbs = P(v[1].Abs());
                        var l1 = bAbs + x.Abs();
                        var l2sq = bAbs * bAbs + x * x;
                        var inf = Max(bAbs, x.Abs());
                        yield return (lambda.Abs(), l1 * l1 / l2sq, l1 / inf);
                    }
                    break;
                default:
                    var u = v.Skip(1).ToArray();
                    var norm2 = u.Aggregate(Fraction.Zero, (s, x) => s + x * x);
                    var u1 = u.Aggregate(Fraction.Zero, (s, x) => s + x.Abs());
                    var uInf = u.Aggregate(Fraction.Zero, (s, x) => x.Abs() > s ? x.Abs() : s);
                    yield return (P((v[0] * norm2).Abs()), P(u1 * u1 / norm2), P(u1 / uInf));
                    for (int i = 1; i < u.Length; i++)
                        yield return (RationalInterval.Zero, P(Fraction.One), P(Fraction.One)); // λ = 0: any unit vector, weight 0
                    break;
            }
        }
    }

    /// <summary>The same eigen-data in double precision, from the same closed forms.</summary>
    internal IEnumerable<(double AbsLambda, double L1Squared, double L1OverInf)> Doubles()
    {
        foreach (var b in Blocks)
        {
            var v = b.Values;
            switch (b.Kind)
            {
                case 's':
                    yield return (System.Math.Abs(v[0]), 1, 1);
                    break;
                case 'p' when v[1] == 0:
                    yield return (System.Math.Abs(v[0]), 1, 1);
                    yield return (System.Math.Abs(v[2]), 1, 1);
                    break;
                case 'p':
                    double diff = (v[2] - v[0]) / 2, root = double.Hypot(diff, v[1]), mid = (v[0] + v[2]) / 2;
                    foreach (var sign in new[] { 1, -1 })
                    {
                        double lambda = mid + sign * root, x = diff + sign * root;
                        // x = λ − a; for the minus sign it cancels, so use x = −b²/(diff + root) (same value, no cancellation).
                        if (sign < 0 && diff > 0) x = -v[1] * v[1] / (diff + root);
                        if (sign > 0 && diff < 0) x = v[1] * v[1] / (root - diff);
                        double bAbs = System.Math.Abs(v[1]), l1 = bAbs + System.Math.Abs(x), scale = System.Math.Max(bAbs, System.Math.Abs(x));
                        double l1s = l1 / scale, l2s = double.Hypot(bAbs / scale, x / scale);
                        yield return (System.Math.Abs(lambda), l1s * l1s / (l2s * l2s), l1s);
                    }
                    break;
                default:
                    var u = v.Skip(1).ToArray();
                    double n2 = u.Sum(x => x * x), u1 = u.Sum(System.Math.Abs), ui = u.Max(System.Math.Abs);
                    yield return (System.Math.Abs(v[0] * n2), u1 * u1 / n2, u1 / ui);
                    for (int i = 1; i < u.Length; i++)
                        yield return (0, 1, 1);
                    break;
            }
        }
    }

    private static RationalInterval P(Fraction f) => RationalInterval.Exact(f);

    private static RationalInterval Max(RationalInterval a, RationalInterval b) =>
        new(a.Lower > b.Lower ? a.Lower : b.Lower, a.Upper > b.Upper ? a.Upper : b.Upper);
}

internal static class BlockCases
{
    private static readonly Gen<Block> OneBlock = Gen.Frequency(
        (2, SignInputs.SmallEntry.Select(c => new Block('s', [c]))),
        (3, SignInputs.SmallEntry.ArrayOf(3).Select(v => new Block('p', v))),
        (2, SignInputs.SmallEntry.SelectMany(c => Gen.Choose(2, 3).SelectMany(k =>
            Gen.Choose(-3, 3).ArrayOf(k).Where(u => u.Any(x => x != 0)).Select(u => new Block('r', [c, .. u.Select(x => (double)x)]))))));

    /// <summary>One to three blocks, dimension up to 9.</summary>
    internal static Gen<BlockCase> Generator { get; } = Gen.Choose(1, 3).SelectMany(n => OneBlock.ArrayOf(n).Select(b => new BlockCase(b)));

    internal static IEnumerable<BlockCase> Edges()
    {
        yield return new BlockCase([new Block('s', [2])]);
        yield return new BlockCase([new Block('s', [0])]);
        yield return new BlockCase([new Block('r', [1, 1, 1, 1])]);
        yield return new BlockCase([new Block('p', [1, 1, 1])]);
        yield return new BlockCase([new Block('p', [1, 2, 4])]);
        yield return new BlockCase([new Block('p', [0, 1, 0]), new Block('s', [-3])]);
        yield return new BlockCase([new Block('s', [1]), new Block('s', [-1]), new Block('s', [2])]);
        yield return new BlockCase([new Block('r', [-2, 1, -1, 1])]);
    }

    internal static IReadOnlyList<NamedValue> Show(BlockCase c) =>
    [
        NamedValue.Text("blocks", string.Join("; ", c.Blocks.Select(b => b.Kind + "(" + string.Join(", ", b.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")"))),
        SignInputs.ShowMatrix("H", c.H),
    ];
}
