using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis eq. (5.5): m/√v = (v/m²)^(−1/2)·sign(m) = (1 + (v − m²)/m²)^(−1/2)·sign(m) (ε = 0), and the reading of
/// η̂² = (v − m²)/m² as a relative variance (eqs. 5.6–5.7), which needs v ≥ m² for Adam's moments.
/// </summary>
internal static class Eq55
{
    private const string Statement =
        "Ignoring ε and assuming |v_{t,i}|, |m_{t,i}| > 0: m_t/√v_t = (v_t/m_t²)^(−1/2) sign(m_t) = (1 + (v_t − m_t²)/m_t²)^(−1/2) sign(m_t); the factor γ = (1 + η̂²)^(−1/2) with η̂² = (v − m²)/m² ≈ Var/E² is the update magnitude.";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/eq-5.5",
            VarianceSources.Of("eq. (5.5)", null, "5.1.1"),
            Statement,
            "The identity as written, for every m ≠ 0 and v > 0 (the text's own assumption; m = 0 is outside it, since (v − m²)/m² is then undefined, and is rejected), including v < m², where η̂² < 0 but 1 + η̂² = v/m² > 0 keeps the identity true.",
            [Identity()]);
        yield return new Claim(
            "balles/eq-5.5/adam-moments",
            VarianceSources.Of("eqs. (5.5)–(5.7)", null, "5.1.1"),
            Statement,
            "The variance reading: for Adam's bias-corrected moments (eqs. 5.1–5.3, any β₁, β₂ ∈ [0, 1), any gradient sequence) η̂² ≥ 0, i.e. v_t ≥ m_t², so γ ∈ (0, 1] shortens the step. Differs from the identity because it is about which (m, v) Adam produces.",
            [MomentsOrdered(sameBeta: false)]);
        yield return new Claim(
            "balles/eq-5.5/same-beta",
            VarianceSources.Of("eqs. (5.5)–(5.7)", null, "5.4.1"),
            Statement,
            "The variance reading with β₁ = β₂ (the choice §5.4.1 makes): then m_t and v_t are averages with the same weights, and v_t ≥ m_t² by Jensen.",
            [MomentsOrdered(sameBeta: true)]);
    }

    /// <summary>(m, v) with m ≠ 0 and v = r·m², r on both sides of 1.</summary>
    private static Gen<(double M, double V)> Pairs { get; } =
        from m in EdgeDoubles.Signed(1e-100, 1e100)
        from r in Gen.Frequency((3, EdgeDoubles.Positive(1e-20, 1e20)), (1, EdgeDoubles.Positive(0.5, 2)), (1, Gen.Constant(1.0)))
        select (m, r * m * m);

    private static Inequality<(double M, double V)> Identity() => new()
    {
        Name = "identity",
        Description = "For all m ≠ 0, v > 0: m/√v = sign(m)·(1 + (v − m²)/m²)^(−1/2), the right side evaluated as written.",
        Tolerance = "Relative 1e-12 in double precision; the written form cancels when v ≪ m² (1 + η̂² loses every digit), so double violations there are expected and exact arithmetic decides (equality of irrationals is never refuted by overlapping enclosures).",
        Relation = Relation.Equal,
        RelativeTolerance = 1e-12,
        Generator = Pairs,
        Edges = () => [(1, 1), (1, 0.25), (-2, 1), (1e-100, 1e-300), (3, 1e-300), (-1e100, 1e200)],
        Move = (p, r) => (EdgeDoubles.Perturb(p.M, r, 1e-300), EdgeDoubles.Perturb(p.V, r, 1e-300)),
        Hypotheses = p => p.M == 0 || !(p.V > 0) || !double.IsFinite(p.M * p.M)
            ? "outside the stated assumption |m|, |v| > 0 (or m² overflows)" : null,
        Sides = p =>
        {
            double lhs = p.M / System.Math.Sqrt(p.V);
            double eta2 = (p.V - p.M * p.M) / (p.M * p.M);
            double rhs = System.Math.Sign(p.M) / System.Math.Sqrt(1 + eta2);
            // Where 1 + η̂² cancels to 0 (or below) the written form has no double value; report the largest double so
            // that the candidate goes to exact arithmetic instead of being left undecided.
            if (!double.IsFinite(rhs)) rhs = System.Math.Sign(p.M) * double.MaxValue;
            return new Sides(lhs, rhs, System.Math.Abs(lhs));
        },
        ExactSides = (p, bits) =>
        {
            var m = RationalInterval.Exact(p.M);
            var v = RationalInterval.Exact(p.V);
            var m2 = m * m;
            var inner = Interval.Of(1) + (v - m2) / m2;
            var rhs = RationalInterval.Exact(new Fraction(System.Math.Sign(p.M))) / inner.Sqrt(bits);
            return new ExactSides(m / v.Sqrt(bits), rhs);
        },
        Show = p => [NamedValue.Of("m", p.M), NamedValue.Of("v", p.V)],
        Why = _ => "The two forms of Adam's direction differ.",
    };

    /// <summary>β₁, β₂ and a scalar gradient sequence g_0…g_t.</summary>
    internal sealed record AdamSequence(double Beta1, double Beta2, double[] Gradients)
    {
        internal int T => Gradients.Length - 1;

        /// <summary>m_t and v_t of eqs. (5.1)–(5.3), exactly.</summary>
        internal (Fraction M, Fraction V) ExactMoments()
        {
            Fraction b1 = ExactDouble.ToFraction(Beta1), b2 = ExactDouble.ToFraction(Beta2);
            Fraction m = Fraction.Zero, v = Fraction.Zero, p1 = Fraction.One, p2 = Fraction.One;
            foreach (var gd in Gradients)
            {
                var g = ExactDouble.ToFraction(gd);
                m = b1 * m + (Fraction.One - b1) * g;
                v = b2 * v + (Fraction.One - b2) * g * g;
                p1 *= b1;
                p2 *= b2;
            }
            return (m / (Fraction.One - p1), v / (Fraction.One - p2));
        }

        internal (double M, double V) Moments()
        {
            double m = 0, v = 0, p1 = 1, p2 = 1;
            foreach (var g in Gradients)
            {
                m = Beta1 * m + (1 - Beta1) * g;
                v = Beta2 * v + (1 - Beta2) * g * g;
                p1 *= Beta1;
                p2 *= Beta2;
            }
            return (m / (1 - p1), v / (1 - p2));
        }

        internal IReadOnlyList<NamedValue> Describe() =>
            [NamedValue.Of("beta1", Beta1), NamedValue.Of("beta2", Beta2), NamedValue.Of("g_0..g_t", Gradients)];
    }

    internal static Gen<double> Betas { get; } = Gen.Frequency(
        (2, Gen.Elements(0.0, 0.5, 0.9, 0.99, 0.999)),
        (2, EdgeDoubles.Unit),
        (1, EdgeDoubles.LogUniform(1e-6, 1).Select(x => 1 - x).Where(b => b < 1)));

    internal static Gen<double[]> Sequences(int maxLength) =>
        from n in Gen.Choose(1, maxLength)
        from gs in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), n)
        select gs;

    private static Inequality<AdamSequence> MomentsOrdered(bool sameBeta) => new()
    {
        Name = sameBeta ? "v-at-least-m-squared-same-beta" : "v-at-least-m-squared",
        Description = sameBeta
            ? "For all β ∈ [0, 1) and g_0…g_t: m_t² ≤ v_t with β₁ = β₂ = β."
            : "For all β₁, β₂ ∈ [0, 1) and g_0…g_t: m_t² ≤ v_t (η̂² ≥ 0, so Adam's factor is ≤ 1).",
        Tolerance = "None in double precision; exact rationals decide.",
        Generator = from b1 in Betas from b2 in Betas from gs in Sequences(24) select new AdamSequence(b1, sameBeta ? b1 : b2, gs),
        Edges = () => sameBeta
            ? [new(0.9, 0.9, [0, 0, 1]), new(0.5, 0.5, [1, -1])]
            : [new(0.9, 0.999, [.. new double[299], 1.0]), new(0.5, 0.9, [0, 0, 0, 1]), new(0.9, 0.9, [0, 1])],
        Move = (a, r) =>
        {
            var gs = (double[])a.Gradients.Clone();
            int i = r.Next(gs.Length);
            gs[i] = EdgeDoubles.Perturb(gs[i], r);
            return a with { Gradients = gs };
        },
        Sides = a =>
        {
            var (m, v) = a.Moments();
            return new Sides(m * m, v, System.Math.Max(v, double.Epsilon));
        },
        ExactSides = (a, _) =>
        {
            var (m, v) = a.ExactMoments();
            return new ExactSides(RationalInterval.Exact(m * m), RationalInterval.Exact(v));
        },
        Show = a => a.Describe(),
        Why = a => "With β₁ = " + Require(a.Beta1) + " ≠ β₂ = " + Require(a.Beta2) + ", m_t and v_t weight the gradients differently; here the recent gradients dominate m_t more than v_t, so v_t < m_t², η̂² < 0 and Adam's factor (1 + η̂²)^(−1/2) = |m_t|/√v_t exceeds 1: it lengthens the step and is no variance adaptation.",
    };

    private static string Require(double x) => Verification.Math.Require.Show(x);
}
