using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Exact;

/// <summary>
/// The one exact linear algebra: positive definiteness against an independent criterion (a real-rooted polynomial has
/// as many positive roots as sign changes, so a symmetric A is positive definite exactly when the coefficients of
/// det(λI − A), from <see cref="ExactMatrix.CharacteristicPolynomial"/>, strictly alternate), products and norms
/// against <see cref="ExactMatrix"/> and closed forms, and the rejection of mismatched or non-finite input.
/// </summary>
[Properties(Arbitrary = [typeof(ExactLinearAlgebraProperties)], MaxTest = 200)]
public class ExactLinearAlgebraProperties
{
    /// <summary>Symmetric 1×1 … 4×4 matrices with entries in −3..3, diagonals shifted so both answers are common.</summary>
    public static Arbitrary<Fraction[,]> SymmetricMatrices() =>
        Gen.Choose(1, 4).SelectMany(d => Gen.Choose(-3, 3).ArrayOf(d * d).SelectMany(e => Gen.Choose(0, 6).Select(shift =>
        {
            var a = new Fraction[d, d];
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++)
                    a[i, j] = a[j, i] = new Fraction(e[i * d + j] + (i == j ? shift : 0));
            return a;
        }))).ToArbitrary();

    [Property]
    public bool IsPositiveDefinite_IsTheStrictSignAlternationOfTheCharacteristicPolynomial(Fraction[,] a)
    {
        var c = ExactMatrix.Build(a.GetLength(0), a.GetLength(0), (i, j) => a[i, j]).CharacteristicPolynomial();
        int n = c.Length - 1;
        // p(λ) = Σ c_j λ^j has all n roots positive iff (−1)^(n−j) c_j > 0 for every j.
        bool alternating = Enumerable.Range(0, n + 1).All(j => ((n - j) % 2 == 0 ? c[j] : -c[j]).Sign() > 0);
        return ExactLinearAlgebra.IsPositiveDefinite(a) == alternating;
    }

    [Property]
    public bool Times_AgreesWithExactMatrixProduct_AndDotWithTheTranspose(Fraction[,] a)
    {
        int d = a.GetLength(0);
        var x = Enumerable.Range(0, d).Select(i => new Fraction(2 * i - 3, 4)).ToArray();
        var ax = ExactLinearAlgebra.Times(a, x);
        var reference = ExactMatrix.Build(d, d, (i, j) => a[i, j]) * ExactMatrix.Column(x);
        return Enumerable.Range(0, d).All(i => ax[i] == reference[i, 0])
            && ExactLinearAlgebra.Dot(x, ax) == (ExactMatrix.Column(x).Transpose() * reference)[0, 0]
            && ExactLinearAlgebra.AbsQuadraticForm(a, x) >= ExactLinearAlgebra.Dot(x, ax).Abs();
    }
}
