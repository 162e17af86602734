using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Statistics;

namespace Verification.Tests.Properties.Numerics.Statistics;

/// <summary>
/// <see cref="DiscreteDistribution.Shift"/>: X + c has atom x_k + c with the same probability p_k, so E[X + c] = E[X] + c
/// and Var[X + c] = Var[X], all exactly (rationals). Until stop 47 no test read a shifted distribution's values: the
/// mutant x_k − c survived run 47.
/// </summary>
[Properties(MaxTest = 200)]
public class DiscreteDistributionShiftProperties
{
    private static Gen<Fraction> SmallRational { get; } =
        from p in Gen.Choose(-1000, 1000)
        from q in Gen.Choose(1, 64)
        select new Fraction(p, q);

    private static Arbitrary<(Fraction[][] Atoms, BigInteger[] Weights, Fraction[] Offset)> Cases { get; } =
        (from d in Gen.Choose(1, 3)
         from count in Gen.Choose(1, 5)
         from atoms in Gen.ArrayOf(Gen.ArrayOf(SmallRational, d), count)
         from weights in Gen.ArrayOf(Gen.Choose(1, 50).Select(w => new BigInteger(w)), count)
         from offset in Gen.ArrayOf(SmallRational, d)
         select (atoms, weights, offset)).ToArbitrary();

    [Property]
    public Property Shift_MovesEachAtomByTheOffsetAndKeepsItsProbability() => Prop.ForAll(Cases, c =>
    {
        var x = new DiscreteDistribution(c.Atoms, c.Weights);
        var shifted = x.Shift(c.Offset);
        bool same = shifted.Count == x.Count && shifted.Dimension == x.Dimension && Enumerable.Range(0, x.Count).All(k =>
            shifted.Probability(k) == x.Probability(k)
            && Enumerable.Range(0, x.Dimension).All(i => shifted.Atom(k)[i] == x.Atom(k)[i] + c.Offset[i]));
        var mean = x.Mean();
        bool moments = Enumerable.Range(0, x.Dimension).All(i =>
            shifted.Mean()[i] == mean[i] + c.Offset[i] && shifted.Variance()[i] == x.Variance()[i]);
        return (same && moments).Label($"offset [{string.Join(", ", c.Offset)}]: atoms {same}, moments {moments}");
    });
}
