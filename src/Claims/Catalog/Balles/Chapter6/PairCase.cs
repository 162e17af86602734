using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter6;

/// <summary>The 2×2 Hessian H = [[a, b], [b, d]] of appendix C.2 (the thesis' d is <see cref="D"/> here, not the dimension).</summary>
internal sealed record PairCase(double A, double B, double D)
{
    internal double[,] H => new double[,] { { A, B }, { B, D } };

    /// <summary>λ_max = (a+d)/2 + √((a−d)²/4 + b²) (C.16), formed as (a+d)/2 + hypot((a−d)/2, b).</summary>
    internal double LambdaMax => (A + D) / 2 + double.Hypot((A - D) / 2, B);

    /// <summary>λ_min = (a+d)/2 − √((a−d)²/4 + b²) (C.16).</summary>
    internal double LambdaMin => (A + D) / 2 - double.Hypot((A - D) / 2, B);

    /// <summary>l_max = max(a, d) + |b|: the larger entry of the L_sep minimizer l* = (a + |b|, d + |b|) (C.17).</summary>
    internal double LMax => System.Math.Max(A, D) + System.Math.Abs(B);

    internal RationalInterval ExactRoot(int bits)
    {
        var half = new Fraction(1, 2);
        var x = (F(A) - F(D)) * half;
        return RationalInterval.Exact(x * x + F(B) * F(B)).Sqrt(bits);
    }

    internal RationalInterval ExactLambdaMax(int bits) => RationalInterval.Exact((F(A) + F(D)) / 2) + ExactRoot(bits);

    internal RationalInterval ExactLambdaMin(int bits) => RationalInterval.Exact((F(A) + F(D)) / 2) - ExactRoot(bits);

    internal Fraction ExactLMax => (F(A) > F(D) ? F(A) : F(D)) + F(B).Abs();

    private static Fraction F(double x) => ExactDouble.ToFraction(x);
}

internal static class PairCases
{
    /// <summary>Positive definite pairs: a, d &gt; 0 and b² &lt; ad, with b = 0, a = d, tiny and large b, 2^±40 scales.</summary>
    internal static Gen<PairCase> PositiveDefinite { get; } =
        EdgeDoubles.Positive(1e-3, 1e3).SelectMany(a => EdgeDoubles.Positive(1e-3, 1e3).SelectMany(d =>
            Gen.Frequency((3, EdgeDoubles.Unit), (1, Gen.Elements(0.0, 0.5, 0.999)), (1, Gen.Constant(1e-9)))
                .SelectMany(u => Gen.Elements(-1.0, 1.0).SelectMany(s => Gen.Elements(0, 0, 0, -40, 40).Select(e =>
                    new PairCase(System.Math.ScaleB(a, e), s * u * System.Math.Sqrt(a * d) * System.Math.ScaleB(1, e), System.Math.ScaleB(d, e)))))));

    internal static IEnumerable<PairCase> Edges()
    {
        yield return new PairCase(1, 1, 2);
        yield return new PairCase(1, -1, 2);
        yield return new PairCase(1, 0, 1);
        yield return new PairCase(2, 1, 2);
        yield return new PairCase(1, 0.5, 3);
        yield return new PairCase(3, -2, 2);
    }

    internal static PairCase Move(PairCase c, System.Random random) => random.Next(3) switch
    {
        0 => c with { A = EdgeDoubles.Perturb(c.A, random, 1e-12, 1e15) },
        1 => c with { B = EdgeDoubles.Perturb(c.B, random, 0, 1e15) },
        _ => c with { D = EdgeDoubles.Perturb(c.D, random, 1e-12, 1e15) },
    };

    internal static IReadOnlyList<NamedValue> Show(PairCase c) => [NamedValue.Of("a", c.A), NamedValue.Of("b", c.B), NamedValue.Of("d", c.D)];

    /// <summary>Null when H is positive definite (a &gt; 0, ad − b² &gt; 0 exactly).</summary>
    internal static string? RequirePd(PairCase c)
    {
        var a = ExactDouble.ToFraction(c.A);
        var b = ExactDouble.ToFraction(c.B);
        var d = ExactDouble.ToFraction(c.D);
        return a.Sign() > 0 && (a * d - b * b).Sign() > 0 ? null : "H is not positive definite";
    }
}
