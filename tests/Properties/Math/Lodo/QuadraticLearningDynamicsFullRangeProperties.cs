using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The hypergradient of lodo.md eq. (26), dℓ_{t+1}/dG = −H((I − GH)b_t − s_t)b_tᵀH, over the whole double range against
/// the exact rational product: within the entrywise bound its doc comment states, and rejected only outside its range.
/// </summary>
[Properties(MaxTest = 150)] // exact 3×3 products of full-range rationals: ≈ 5 ms a case
public class QuadraticLearningDynamicsFullRangeProperties
{
    private sealed record Case(double[,] G, double[,] H, double[] B, double[] S)
    {
        public override string ToString() =>
            $"G=[{string.Join(", ", G.Cast<double>().Select(v => v.ToString("R")))}] H=[{string.Join(", ", H.Cast<double>().Select(v => v.ToString("R")))}] " +
            $"b=[{string.Join(", ", B.Select(v => v.ToString("R")))}] s=[{string.Join(", ", S.Select(v => v.ToString("R")))}]";
    }

    /// <summary>Full-range doubles, or (half the time) a moderate spread around one random scale, so that more cases are in range.</summary>
    private static Gen<double[]> Entries(int count) => Gen.Frequency(
        (1, FullRangeDoubles.Signed.ArrayOf(count)),
        (1, from scale in Gen.Choose(-600, 600)
            from values in FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 0.0)).ArrayOf(count)
            select values.Select(v => Math.ScaleB(v, scale)).ToArray()));

    private static double[,] Square(double[] v, int n, bool symmetric)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = symmetric && j < i ? v[j * n + i] : v[i * n + j];
        return m;
    }

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from g in Entries(n * n)
         from h in Entries(n * n)
         from b in Entries(n)
         from s in Entries(n)
         select new Case(Square(g, n, false), Square(h, n, true), b, s)).ToArbitrary();

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// Where it returns, every entry within γ_{4n+3}·(|H|(|b| + |G||H||b| + |s|))(|H||b|)ᵀ + n·2^-1074 of the exact
    /// −H((I − GH)b − s)(Hb)ᵀ (γ_k = ku/(1 − ku), u = 2^-53: the plain formula's γ_{3n+2} on H((I − GH)b − s), γ_n on Hb
    /// and one rounding of their product; the documented bound); an ArgumentException only where |G||H| or that scale
    /// exceeds double.MaxValue/2 somewhere (the documented range).
    /// </summary>
    [Property]
    public Property Hypergradient_IsWithinItsBoundOfTheExactProduct() => Prop.ForAll(Cases, c => Check(c));

    /// <summary>
    /// H = diag(1e-300, 1e300), G = 0, b = (1e-30, 1e8), s = (0, 1e8): entry (0, 1) is −(1e-300·1e-30)·(1e300·1e8) ≈ −1e-22,
    /// well inside the range; a product H_00·b_0 ≈ 1e-330 that underflows to 0 before it is multiplied by 1e308 gives 0.
    /// </summary>
    [Fact]
    public void Hypergradient_WhoseFirstFactorUnderflowsBeforeAHugeSecond_IsWithinItsBound()
    {
        var c = new Case(new double[2, 2], new[,] { { 1e-300, 0 }, { 0, 1e300 } }, [1e-30, 1e8], [0, 1e8]);
        var result = QuadraticLearningDynamics.Hypergradient(Matrix<double>.Build.DenseOfArray(c.G), Matrix<double>.Build.DenseOfArray(c.H),
            Vector<double>.Build.DenseOfArray(c.B), Vector<double>.Build.DenseOfArray(c.S));
        var exact = -(F(1e-300) * F(1e-30)) * (F(1e300) * F(1e8));
        // The documented γ_{4n+3} (n = 2) of the entry's scale, which here is |exact| itself (G = 0, s_0 = 0), plus n·2^-1074.
        var bound = 11 * ExactDouble.Pow2(-53) / (1 - 11 * ExactDouble.Pow2(-53)) * Fraction.Abs(exact) + 2 * ExactDouble.Pow2(-1074);
        Assert.True(Fraction.Abs(F(result[0, 1]) - exact) <= bound, $"entry (0, 1) = {result[0, 1]:R}, exact {ExactDouble.ToDouble(exact):R}");
    }

    private static Property Check(Case c)
    {
        int n = c.B.Length;
        var g = ExactMatrix.Build(n, n, (i, j) => F(c.G[i, j]));
        var h = ExactMatrix.Build(n, n, (i, j) => F(c.H[i, j]));
        var b = ExactMatrix.Build(n, 1, (i, _) => F(c.B[i]));
        var s = ExactMatrix.Build(n, 1, (i, _) => F(c.S[i]));
        var exact = new Fraction(-1) * (h * ((ExactMatrix.Identity(n) - g * h) * b - s) * (h * b).Transpose());
        var absG = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(g[i, j]));
        var absH = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(h[i, j]));
        var absB = ExactMatrix.Build(n, 1, (i, _) => Fraction.Abs(b[i, 0]));
        var absS = ExactMatrix.Build(n, 1, (i, _) => Fraction.Abs(s[i, 0]));
        var gh = absG * absH;
        var scale = absH * (absB + gh * absB + absS) * (absH * absB).Transpose();
        var half = ExactDouble.ToFraction(double.MaxValue) / 2;
        bool inRange = Enumerable.Range(0, n).All(i => Enumerable.Range(0, n).All(j => gh[i, j] <= half && scale[i, j] <= half));
        Matrix<double> result;
        try
        {
            result = QuadraticLearningDynamics.Hypergradient(Matrix<double>.Build.DenseOfArray(c.G), Matrix<double>.Build.DenseOfArray(c.H),
                Vector<double>.Build.DenseOfArray(c.B), Vector<double>.Build.DenseOfArray(c.S));
        }
        catch (ArgumentException e)
        {
            return (!inRange).Label($"{c}: rejected ({e.Message}) although it is in the documented range");
        }
        var u = ExactDouble.Pow2(-53);
        int k = 4 * n + 3;
        var gamma = k * u / (1 - k * u);
        var tiny = n * ExactDouble.Pow2(-1074);
        var property = true.ToProperty();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(result[i, j]))
                    return false.Label($"{c}: entry ({i}, {j}) = {result[i, j]:R} returned");
                var error = Fraction.Abs(F(result[i, j]) - exact[i, j]);
                property = property.And((error <= gamma * scale[i, j] + tiny).Label(
                    $"{c}: entry ({i}, {j}) = {result[i, j]:R}, exact {ExactDouble.ToDouble(exact[i, j]):R}, error {ExactDouble.ToDouble(error):R}"));
            }
        return property;
    }
}
