using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Checks.Problems;
using Verification.Checks.Properties;
using Verification.Optimizers.Guarantees;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Checks.Problems;

/// <summary>
/// The generated test problems are what the checks' exactness rests on: their eigenpairs must be exact, and the
/// exact smoothness constants must bound the quadratic form everywhere.
/// </summary>
public class QuadraticCaseProperties
{
    private static Arbitrary<QuadraticCase> Cases { get; } = QuadraticGenerators.Cases(SpectrumKind.Any, Gen.Choose(-6, 6)).ToArbitrary();

    /// <summary>A·u_k = λ_k·u_k in exact arithmetic for every basis column: the spectrum the hypotheses use is A's.</summary>
    [Property(MaxTest = 150)]
    public Property EigenpairsOfTheBuiltMatrix_AreExact() => Prop.ForAll(Cases, c =>
    {
        var (objective, a, _) = c.Build();
        if (objective is null)
            return true; // not representable: the checks reject such cases
        for (int k = 0; k < c.Dimension; k++)
        {
            var u = c.Basis.Column(c.Dimension, k);
            var au = ExactLinearAlgebra.Times(ExactLinearAlgebra.Of(objective.A), u);
            var lambda = ExactLinearAlgebra.Of([c.Eigenvalues[k]])[0];
            if (au.Zip(u).Any(p => p.First.CompareTo(lambda * p.Second) != 0))
                return false;
        }
        return true;
    });

    /// <summary>‖Ax‖₁ ≤ L∞ on the cube ‖x‖∞ ≤ 1 (eq. 6.18's maximum over sign vectors is the maximum), exactly.</summary>
    [Property(MaxTest = 100)]
    public Property MaxNormSmoothness_BoundsTheCube() => Prop.ForAll(Cases, Gen.Choose(-16, 16).ArrayOf(6).ToArbitrary(), (c, raw) =>
    {
        var (objective, a, _) = c.Build();
        if (objective is null)
            return true;
        var x = raw.Take(c.Dimension).Select(v => new Fraction(v, 16)).ToArray();
        var l = NormSmoothness.Of(SteepestDescentNorm.Max, a, c.Eigenvalues);
        return ExactLinearAlgebra.L1(ExactLinearAlgebra.Times(a, x)).CompareTo(l) <= 0;
    });

    /// <summary>‖Ax‖₂² ≤ L₂²‖x‖₂² with L₂ = max|λ| (A is orthogonally diagonalized by the basis), exactly.</summary>
    [Property(MaxTest = 100)]
    public Property EuclideanSmoothness_BoundsTheQuadraticForm() => Prop.ForAll(Cases, Gen.Choose(-16, 16).ArrayOf(6).ToArbitrary(), (c, raw) =>
    {
        var (objective, a, _) = c.Build();
        if (objective is null)
            return true;
        var x = raw.Take(c.Dimension).Select(v => new Fraction(v, 16)).ToArray();
        var l = NormSmoothness.Of(SteepestDescentNorm.Euclidean, a, c.Eigenvalues);
        var ax = ExactLinearAlgebra.Times(a, x);
        return ExactLinearAlgebra.SquaredL2(ax).CompareTo(l * l * ExactLinearAlgebra.SquaredL2(x)) <= 0;
    });
}
