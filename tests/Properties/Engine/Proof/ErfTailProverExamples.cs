using System.Diagnostics.CodeAnalysis;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Proof;

/// <summary>
/// Soundness of proofs through erf and erfc of a value that tends to ±∞ at an excluded face (issue "Theorem checking",
/// items 2 and 6): erf(±1/y) has an essential singularity at y = 0, enclosed on the half-open boxes next to it by the
/// tail bound erfc(z) ≤ n!/(√π·z^(2n+1)) (<see cref="FaceJet{T}"/>). Each statement is over y ∈ (0, 1] and searched on
/// [1/2, 1] only, so that a false one reaches the prover; the prover must prove the true ones and never a false one,
/// in particular one false only where erfc(1/y) is tinier than any double (below 10⁻³⁰⁰).
/// </summary>
public class ErfTailProverExamples
{
    private static FormalizationResult Run(IFormalization f) => f.Run(new RunSettings(200, 1) { ClaimSeed = 7 });

    private abstract class NextToAnEssentialSingularity : Statement<double>
    {
        [SetsRequiredMembers]
        protected NextToAnEssentialSingularity(string name)
        {
            Name = name;
            Description = name;
            Tolerance = "none";
            Domain = new Domain<double>
            {
                Generator = EdgeDoubles.Unit.Select(u => 0.5 + u / 2),
                Describe = y => [NamedValue.Of("y", y)],
            };
            Proofs = [new ProofDomain<double> { Box = [new ProofCoordinate("y", 0, 1) { TightAt = [0] }], At = v => v[0], CoversStatedDomain = true }];
        }

        protected abstract Relation<T> Formula<T>(T y) where T : IReal<T>;

        public override Relation<T> Evaluate<T>(double input)
        {
            var y = Assume.Positive(T.Input(input), "y > 0");
            Assume.That(y <= 1, "y ≤ 1");
            return Formula(y);
        }
    }

    /// <summary>erfc(1/y) ≤ y on (0, 1]: true (erfc(z) ≤ e^(−z²)/(z√π) ≤ 1/z), tight in the limit y → 0 only.</summary>
    private sealed class ErfcBelowItsArgumentsReciprocal : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public ErfcBelowItsArgumentsReciprocal() : base("erfc-below-y")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Erfc(1 / y), y);
    }

    /// <summary>
    /// 3/2 ≤ erfc(−1/y) on (0, 1]: true (erfc(−z) = 2 − erfc(z) ≥ erfc(−1) ≈ 1.84), through the branch of a pole of negative
    /// sign (which would fail if that branch returned erfc(z) ≈ 0 instead of 2 − erfc(z)). Not tight at y = 0: 2 − y ≤
    /// erfc(−1/y), tight there, is true but not proved (2 − erfc is a jet of order 0, whose constant 2 cannot cancel).
    /// </summary>
    private sealed class ErfcOfANegativePole : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public ErfcOfANegativePole() : base("erfc-negative-pole")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Ratio(3, 2), T.Erfc(-1 / y));
    }

    /// <summary>10⁻³⁰⁰ ≤ erfc(1/y) on (0, 1]: false for y below about 1/26.4, where erfc(1/y) is positive but tinier.</summary>
    private sealed class ErfcAboveATinyConstant : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public ErfcAboveATinyConstant() : base("erfc-above-1e-300")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Of(1e-300), T.Erfc(1 / y));
    }

    /// <summary>erf(1/y) ≤ 1 − 10⁻³⁰ on (0, 1]: false for y below about 1/8.3 (erf tends to 1 faster than any power of y).</summary>
    private sealed class ErfBelowOneByAMargin : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public ErfBelowOneByAMargin() : base("erf-below-1-by-1e-30")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Erf(1 / y), 1 - T.Of(1e-30));
    }

    /// <summary>−1 + 10⁻³⁰ ≤ erf(−1/y) on (0, 1]: false near y = 0, the same through the pole of negative sign.</summary>
    private sealed class ErfAboveMinusOneByAMargin : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public ErfAboveMinusOneByAMargin() : base("erf-above-minus-1-by-1e-30")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Of(1e-30) - 1, T.Erf(-1 / y));
    }

    /// <summary>|erf(1/y) − 1 + y/2| ≤ 10⁻³ on (0, 1]: false wherever y/2 &gt; 10⁻³ + erfc(1/y), i.e. also near y = 0 (|·| of order 0 must not hide it).</summary>
    private sealed class AbsoluteDeviationTooSmall : NextToAnEssentialSingularity
    {
        [SetsRequiredMembers]
        public AbsoluteDeviationTooSmall() : base("abs-deviation-below-1e-3")
        {
        }
        protected override Relation<T> Formula<T>(T y) => Relation.LessOrEqual(T.Abs(T.Erf(1 / y) - 1 + y / 2), T.Ratio(1, 1000));
    }

    [Fact]
    public void ErfcOfAPoleBelowAVanishingBound_IsProved()
    {
        var result = Run(new ErfcBelowItsArgumentsReciprocal());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
    }

    [Fact]
    public void ErfcOfAPoleOfNegativeSign_IsProved()
    {
        var result = Run(new ErfcOfANegativePole());

        Assert.True(result.Verdict == Verdict.Proved, string.Join("; ", result.Proof?.Notes ?? []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FalseStatementNearTheEssentialSingularityOnly_IsNeverProved(int which)
    {
        IFormalization statement = which switch
        {
            0 => new ErfcAboveATinyConstant(),
            1 => new ErfBelowOneByAMargin(),
            2 => new ErfAboveMinusOneByAMargin(),
            _ => new AbsoluteDeviationTooSmall(),
        };

        var result = Run(statement);

        Assert.NotEqual(Verdict.Proved, result.Verdict);
        Assert.False(result.Proof is { Proved: true });
    }
}
