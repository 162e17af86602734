using System.Diagnostics.CodeAnalysis;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Statements;

/// <summary>
/// <see cref="TrendStatement{TInput}"/> decides Θ and limit claims along a sequence as its rule says (the catalog's App. H,
/// eq. 13, Thm 3.3 and M.5 statements rest on it): a settled ratio holds, a ratio that collapses toward 0 or is 0 at every
/// term is refuted with an exact certificate, one that neither settles nor drifts by the threshold is inconclusive, and a
/// limit is refuted only when the ratio settles away from it.
/// </summary>
public class TrendStatementExamples
{
    /// <summary>Shapes of r(t) along t = 1, 10^-1, …, 10^-8, each scaled by the input c ∈ [1, 2].</summary>
    public enum Shape
    {
        /// <summary>c·(2 + t): settles onto 2c.</summary>
        Settled,

        /// <summary>c·t: falls by 10⁸ over the sequence.</summary>
        Vanishing,

        /// <summary>0 at every term.</summary>
        Zero,

        /// <summary>c·(1 + 10⁻³/t): grows by 10⁵, less than the 10⁶ that refutes, and never settles.</summary>
        SlowGrowth,

        /// <summary>1 + t: settles onto 1.</summary>
        ToOne,
    }

    private sealed class Synthetic : TrendStatement<double>
    {
        private readonly Shape _shape;

        [SetsRequiredMembers]
        public Synthetic(Shape shape, double? limit = null)
        {
            _shape = shape;
            Name = shape.ToString();
            Description = "synthetic trend";
            Tolerance = "the trend rule's defaults";
            Limit = limit;
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.LogUniform(1, 2),
                Edges = () => [1.0, 1.5, 2.0],
                Perturb = (c, r) => EdgeDoubles.Perturb(c, r, 1, 2),
                Describe = c => [NamedValue.Of("c", c)],
            };
        }

        protected override IReadOnlyList<double> Sequence(double input) => [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8];

        protected override T Ratio<T>(double input, T t)
        {
            var c = T.Input(input);
            return _shape switch
            {
                Shape.Settled => c * (2 + t),
                Shape.Vanishing => c * t,
                Shape.Zero => T.Of(0) * c,
                Shape.SlowGrowth => c * (1 + T.Ratio(1, 1000) / t),
                _ => 1 + t,
            };
        }
    }

    private static FormalizationResult Run(IFormalization f) =>
        f.Run(new RunSettings(100, 7) { ClaimSeed = StableHash.Of("trend") });

    [Fact]
    public void SettledRatio_Holds() => Assert.Equal(Verdict.Holds, Run(new Synthetic(Shape.Settled)).Verdict);

    [Fact]
    public void RatioCollapsingTowardZero_IsRefutedWithACertificate()
    {
        var result = Run(new Synthetic(Shape.Vanishing));

        Assert.Equal(Verdict.Refuted, result.Verdict);
        // r(t_0) − 10⁶·r(t_K) = c(1 − 10⁻²) over the scale c(1 + 10⁻²): the certified margin is 0.99/1.01 ≈ 0.980.
        Assert.InRange(result.Counterexample!.CertifiedMargin, 0.97, 0.99);
    }

    [Fact]
    public void RatioZeroAtEveryTerm_IsRefuted() => Assert.Equal(Verdict.Refuted, Run(new Synthetic(Shape.Zero)).Verdict);

    [Fact]
    public void RatioThatNeitherSettlesNorDrifts_IsInconclusive()
    {
        var result = Run(new Synthetic(Shape.SlowGrowth));

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.True(result.Tally.Undecidable > 0, "the undecided inputs are counted");
    }

    [Fact]
    public void Limit_HoldsWhereTheRatioSettlesOntoIt_AndIsRefutedWhereItSettlesElsewhere()
    {
        Assert.Equal(Verdict.Holds, Run(new Synthetic(Shape.ToOne, limit: 1)).Verdict);
        Assert.Equal(Verdict.Refuted, Run(new Synthetic(Shape.Settled, limit: 1)).Verdict);
    }
}
