using Verification.Numerics.Arithmetic;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// <see cref="SignGeometryFormulas.Eigenpairs2x2"/> in doubles for a nearly diagonal [[a, b], [b, d]] (balles-thesis
/// eq. C.16), where x = (d − a)/2 ± √((d − a)²/4 + b²) must be formed without cancellation: at a = 0, d = 2, b = 10⁻⁹ the
/// root is 1 in doubles, so x₋ = 1 − 1 would be 0 and b²/x₋ infinite; formed as −b²/x₊ it is −b²/2 = −5·10⁻¹⁹. By hand the
/// eigenvalues are 1 ± √(1 + 10⁻¹⁸) = 2 + 5·10⁻¹⁹ and −5·10⁻¹⁹ (to 10⁻³⁶), larger first; the same with a and d swapped
/// (the other branch). Tolerance: relative 10⁻¹⁵ (a few roundings of the closed form).
/// </summary>
public class SignGeometryFormulasRun35Examples
{
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(2.0, 0.0)]
    public void Eigenpairs2x2_OfANearlyDiagonalMatrix_AreFiniteAndAccurate(double a, double d)
    {
        const double b = 1e-9;
        var pairs = SignGeometryFormulas.Eigenpairs2x2(new Float64(a), new Float64(b), new Float64(d));
        Assert.Equal(2, pairs.Count);
        var (largest, smallest) = (pairs[0].Lambda.Value, pairs[1].Lambda.Value);
        Assert.Equal(2.0, largest);
        Assert.Equal(-5e-19, smallest, 1e-15 * 5e-19);
        foreach (var (lambda, u) in pairs)
        {
            Assert.All(u, c => Assert.True(double.IsFinite(c.Value), $"eigenvector of {lambda.Value:R} has entry {c.Value:R}"));
            Assert.True(u[0].Value != 0 || u[1].Value != 0);
            // Hu = λu row by row, relative to the row's terms.
            double r0 = a * u[0].Value + b * u[1].Value - lambda.Value * u[0].Value;
            double r1 = b * u[0].Value + d * u[1].Value - lambda.Value * u[1].Value;
            double scale0 = Math.Abs(a * u[0].Value) + Math.Abs(b * u[1].Value) + Math.Abs(lambda.Value * u[0].Value);
            double scale1 = Math.Abs(b * u[0].Value) + Math.Abs(d * u[1].Value) + Math.Abs(lambda.Value * u[1].Value);
            Assert.True(Math.Abs(r0) <= 1e-15 * scale0 && Math.Abs(r1) <= 1e-15 * scale1, $"λ = {lambda.Value:R}: residuals {r0:R}, {r1:R}");
        }
    }
}
