using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// An estimate p̂ ∈ ℝ^d of p = E[p̂] with a discrete distribution (atoms at zero and in every orthant), and a
/// competitor vector γ' of variance adaptation factors (thesis §5.3, Lemmas 5.1 and 5.2).
/// </summary>
internal sealed record EstimateInput(DiscreteDistribution Estimate, double[] Competitor)
{
    internal int Dimension => Estimate.Dimension;

    internal static int Sign(Fraction x) => x.Sign();

    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Text("atoms of p̂", string.Join("; ", Enumerable.Range(0, Estimate.Count).Select(k =>
            "(" + string.Join(", ", Estimate.Atom(k).Select(Interval.Show)) + ") w.p. " + Interval.Show(Estimate.Probability(k))))),
        NamedValue.Of("competitor γ'", Competitor),
    ];

    internal static Gen<EstimateInput> Generator { get; } =
        from d in Gen.Choose(1, 3)
        from k in Gen.Choose(1, 4)
        from atoms in Gen.ArrayOf(Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (4, EdgeDoubles.Signed(1e-3, 1e3))), d), k)
        from weights in Gen.ArrayOf(Gen.Choose(1, 5), k)
        from competitor in Gen.ArrayOf(EdgeDoubles.Signed(1e-3, 10), d)
        select new EstimateInput(DiscreteDistribution.FromDoubles(atoms, weights), competitor);

    internal EstimateInput Perturb(System.Random random)
    {
        var c = (double[])Competitor.Clone();
        int i = random.Next(c.Length);
        c[i] = EdgeDoubles.Perturb(c[i], random);
        return this with { Competitor = c };
    }

    internal Fraction[] ExactCompetitor => Competitor.Select(ExactDouble.ToFraction).ToArray();
}
