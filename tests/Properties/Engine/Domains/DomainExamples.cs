using Fractions;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Xunit;

namespace Verification.Tests.Properties.Engine.Domains;

using Domains = Verification.Engine.Domains;

/// <summary>Hand-picked cases of the domain generators: known bases, exact grids, edge cases and argument checks.</summary>
public class DomainExamples
{
    [Fact]
    public void HouseholderOf122_IsTheKnownRationalReflection()
    {
        // H(v) = I − 2vvᵀ/9 for v = (1, 2, 2): first row (7/9, −4/9, −4/9), by hand.
        var a = new SymmetricMatrix([1, 2, 3], [[1, 2, 2]]);

        Assert.Equal(new Fraction(7, 9), a.Basis(0, 0));
        Assert.Equal(new Fraction(-4, 9), a.Basis(0, 1));
        Assert.Equal(new Fraction(1, 9), a.Basis(1, 1));
        // A = Σ λₖ qₖqₖᵀ: A₀₀ = (1·49 + 2·16 + 3·16)/81 = 129/81.
        Assert.Equal(new Fraction(129, 81), a.ExactEntry(0, 0));
        Assert.False(a.EntriesAreExact);
        Assert.True(DomainProperties.IsExactlySymmetricWithSpectrum(a));
    }

    [Fact]
    public void DyadicReflection_GivesADenseMatrixWhoseDoublesAreExact()
    {
        // v = (1, 1, 1, 1): H = I − ½·11ᵀ, entries ±½, so A = H·diag(λ)·H has dyadic entries for integer λ.
        var a = new SymmetricMatrix([1, 2, 3, 4], [[1, 1, 1, 1]]);
        var d = a.ToDoubles();

        Assert.True(a.EntriesAreExact);
        // By hand: row 0 of H is (½, −½, −½, −½), row 1 is (−½, ½, −½, −½); A₀₁ = Σₖ λₖ·H₀ₖ·H₁ₖ = ¼(−1 − 2 + 3 + 4) = 1.
        Assert.Equal(1.0, d[0, 1]);
        Assert.Equal(d[0, 1], d[1, 0]);
        Assert.Equal(10.0, d[0, 0] + d[1, 1] + d[2, 2] + d[3, 3]); // the trace is Σλ
    }

    [Fact]
    public void IdentityBasis_ReadsTheDiagonalInBothArithmetics()
    {
        var a = new SymmetricMatrix([-2, 0.5], []);

        Assert.Equal(-2.0, a.Read<Float64>()[0, 0].Value);
        Assert.Equal(0.0, a.Read<Float64>()[0, 1].Value);
        Assert.Equal("A.λ = [-2, 0.5]; A.Q = I", a.ToString());
        Assert.Equal(0.5, a.LargestEigenvalue<Float64>().Value);
        Assert.Equal(-2.0, a.SmallestEigenvalue<Float64>().Value);
    }

    [Fact]
    public void SymmetricMatrix_RejectsBadInput()
    {
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([], [])).ParamName);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([1, double.NaN], [])).ParamName);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([double.PositiveInfinity], [])).ParamName);
        Assert.Equal("reflections", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([1, 2], [[1, 2, 3]])).ParamName);
        Assert.Equal("reflections", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([1, 2], [[0, 0]])).ParamName);
        Assert.Equal("reflections", Assert.Throws<ArgumentException>(() => new SymmetricMatrix([1, 2], [[1, 1 << 13]])).ParamName);
    }

    [Fact]
    public void Domains_RejectBadArguments()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Domains.Scalar(" ")).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => Domains.Vector("v", 0)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => Domains.Symmetric("A", -1)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentException>(() => Domains.Interval("β", 1, 1)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentException>(() => Domains.Interval("β", 0, double.NaN)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentException>(() => Domains.Interval("β", -double.MaxValue, double.MaxValue)).ParamName);
        Assert.Equal("magnitude", Assert.Throws<ArgumentException>(() => Domains.Scalar("x", (Magnitude)99)).ParamName);
        Assert.Equal("signs", Assert.Throws<ArgumentException>(() => Domains.Scalar("x", Magnitude.Unit, (Signs)99)).ParamName);
    }

    [Fact]
    public void ScalarEdges_AreTheEndsOfTheClassZeroesAndNegatives()
    {
        var edges = Domains.Scalar("x", Magnitude.Subnormal).Edges().ToList();

        // The subnormal class: 2^-1074 and the largest subnormal, both signs, and both zeros (1 is outside the class).
        Assert.Equal([double.Epsilon, Math.BitDecrement(Magnitudes.SmallestNormal), 0.0, -double.Epsilon,
            -Math.BitDecrement(Magnitudes.SmallestNormal), -0.0], edges);
        Assert.Equal([1.0, 0.0625, 16.0], Domains.Positive("x").Edges());
    }

    [Fact]
    public void MagnitudeRanges_AreTheDocumentedOnes()
    {
        Assert.Equal((0.0625, 16.0), Magnitudes.Range(Magnitude.Unit));
        Assert.Equal((Math.ScaleB(1, -1022), Math.ScaleB(1, -20)), Magnitudes.Range(Magnitude.Tiny));
        Assert.Equal((Math.ScaleB(1, 20), double.MaxValue), Magnitudes.Range(Magnitude.Huge));
        Assert.False(Magnitudes.Contains(Magnitude.Any, 0));
        Assert.False(Magnitudes.Contains(Magnitude.Any, double.NaN));
        Assert.True(Magnitudes.Contains(Magnitude.Any, -double.MaxValue));
    }

    [Fact]
    public void OnGrid_GivesTheLargestRemaindersTheUnitsLeft()
    {
        // (1, 1, 1) on the grid ¼: ⌊4/3⌋ = 1 each, one unit left, to the first of the equal remainders.
        Assert.Equal([0.5, 0.25, 0.25], ProbabilityVectors.OnGrid([1, 1, 1], 2));
        Assert.Equal([0.0, 1.0], ProbabilityVectors.OnGrid([1e-300, 1], 8));
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => ProbabilityVectors.OnGrid([1], 53)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ProbabilityVectors.OnGrid([0, 0], 4)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ProbabilityVectors.OnGrid([-1, 2], 4)).ParamName);
    }

    [Fact]
    public void ProbabilityEdges_AreAVertexAnEdgeMidpointAndTheNearestToUniform()
    {
        var edges = Domains.ProbabilityVector("p", 3).Edges().ToList();

        Assert.Equal([1.0, 0, 0], edges[0]);
        Assert.Equal([0.5, 0.5, 0], edges[1]);
        Assert.True(ProbabilityVectors.IsExact(edges[2]));
        Assert.All(edges[2], x => Assert.InRange(x, 1.0 / 3 - 1e-15, 1.0 / 3 + 1e-15));
        Assert.False(ProbabilityVectors.IsExact([0.1, 0.2, 0.7])); // 0.1 is not on the 2^-52 grid
        Assert.False(ProbabilityVectors.IsExact([0.5, 0.25]));
    }

    [Fact]
    public void SymmetricEdges_IncludeRepeatedSingularAndIllConditionedSpectra()
    {
        var edges = Domains.PositiveSemidefinite("A", 2).Edges().ToList();

        Assert.Contains(edges, a => a.Eigenvalues.SequenceEqual([1.0, 1.0]) && a.Reflections.Count == 0);
        Assert.Contains(edges, a => a.Eigenvalues.SequenceEqual([1.0, 0.0]) && a.Reflections.Count == 1);
        Assert.Contains(edges, a => a.Eigenvalues.SequenceEqual([16.0, 0.0625]));
        Assert.DoesNotContain(Domains.PositiveDefinite("A", 2).Edges(), a => a.Eigenvalues.Contains(0));
    }
}
