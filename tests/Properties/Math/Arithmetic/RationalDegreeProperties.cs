using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// The degree bounds of <see cref="RationalDegree"/> never undercount (the exact identity method's grid size rests on
/// them): for random rational expressions in x and y, the numerator P and denominator Q built by the invariant's own
/// formulas (a/b ± c/d = (ad ± cb)/(bd), …), evaluated exactly, have a vanishing (n + 1)-th finite difference along x
/// and along y, where n is the tracked bound; and P/Q is the expression's value wherever it is defined. Exact rationals,
/// no tolerance.
/// </summary>
public class RationalDegreeProperties
{
    /// <summary>An expression: a small integer, x (0) or y (1), or a binary operation.</summary>
    public abstract record Expr;

    /// <summary>An integer constant.</summary>
    public sealed record Const(int Value) : Expr;

    /// <summary>Coordinate k.</summary>
    public sealed record Var(int K) : Expr;

    /// <summary>a op b, op one of + − × ÷.</summary>
    public sealed record Bin(char Op, Expr A, Expr B) : Expr;

    private static Gen<Expr> Tree(int depth)
    {
        var leaf = Gen.OneOf(Gen.Choose(-3, 3).Select(c => (Expr)new Const(c)), Gen.Choose(0, 1).Select(k => (Expr)new Var(k)));
        if (depth == 0)
            return leaf;
        var node = from op in Gen.Elements('+', '-', '*', '/')
                   from a in Tree(depth - 1)
                   from b in Tree(depth - 1)
                   select (Expr)new Bin(op, a, b);
        return Gen.Frequency((1, leaf), (3, node));
    }

    private static T Eval<T>(Expr e, T x, T y) where T : IReal<T> => e switch
    {
        Const c => c.Value,
        Var v => v.K == 0 ? x : y,
        Bin { Op: '+' } b => Eval(b.A, x, y) + Eval(b.B, x, y),
        Bin { Op: '-' } b => Eval(b.A, x, y) - Eval(b.B, x, y),
        Bin { Op: '*' } b => Eval(b.A, x, y) * Eval(b.B, x, y),
        Bin b => Eval(b.A, x, y) / Eval(b.B, x, y),
        _ => throw new ArgumentException("unknown expression", nameof(e)),
    };

    /// <summary>(P, Q) at a point by the invariant's formulas (no division, so always defined).</summary>
    private static (Fraction P, Fraction Q) Pair(Expr e, Fraction x, Fraction y)
    {
        switch (e)
        {
            case Const c: return (new Fraction(c.Value), Fraction.One);
            case Var v: return (v.K == 0 ? x : y, Fraction.One);
            case Bin b:
                var (pa, qa) = Pair(b.A, x, y);
                var (pb, qb) = Pair(b.B, x, y);
                return b.Op switch
                {
                    '+' => (pa * qb + pb * qa, qa * qb),
                    '-' => (pa * qb - pb * qa, qa * qb),
                    '*' => (pa * pb, qa * qb),
                    _ => (pa * qb, qa * pb),
                };
            default: throw new ArgumentException("unknown expression", nameof(e));
        }
    }

    /// <summary>Δⁿ⁺¹ of v_0…v_(n+1): zero iff the values are those of a polynomial of degree ≤ n at equally spaced points.</summary>
    private static Fraction Difference(IReadOnlyList<Fraction> v)
    {
        var d = v.ToArray();
        for (int order = 1; order < d.Length; order++)
            for (int i = 0; i + order < d.Length; i++)
                d[i] = d[i + 1] - d[i];
        return d[0];
    }

    [Property(MaxTest = 80)]
    public Property TrackedDegrees_NeverUndercount() => Prop.ForAll(Tree(4).ToArbitrary(), Gen.Choose(-5, 5).ToArbitrary(), (e, shift) =>
    {
        RationalDegree bound;
        try
        {
            using (EnclosureSettings.UseTags([1.5, 3.5], [new RationalInterval(1, 2), new RationalInterval(3, 4)]))
            using (RationalDegree.Track(null))
                bound = Eval(e, RationalDegree.Input(1.5), RationalDegree.Input(3.5));
        }
        catch (DivideByZeroException)
        {
            return true; // a divisor is the constant 0: the expression is defined nowhere
        }
        var x0 = new Fraction(shift, 3);
        var y0 = new Fraction(7, 5);
        for (int k = 0; k < 2; k++)
        {
            int n = bound.NumeratorDegree(k), d = bound.DenominatorDegree(k);
            var points = Enumerable.Range(0, Math.Max(n, d) + 2)
                .Select(t => k == 0 ? (x0 + t, y0) : (x0, y0 + t)).ToList();
            var pairs = points.Select(p => Pair(e, p.Item1, p.Item2)).ToList();
            if (!Difference(pairs.Take(n + 2).Select(p => p.P).ToList()).IsZero)
                return false;
            if (!Difference(pairs.Take(d + 2).Select(p => p.Q).ToList()).IsZero)
                return false;
            for (int i = 0; i < points.Count; i++)
            {
                RationalInterval value;
                try
                {
                    value = Eval(e, RationalInterval.Exact(points[i].Item1), RationalInterval.Exact(points[i].Item2));
                }
                catch (DivideByZeroException)
                {
                    continue; // the expression is not defined here
                }
                if (pairs[i].Q.IsZero || value.Lower != pairs[i].P / pairs[i].Q)
                    return false;
            }
        }
        return true;
    });
}
