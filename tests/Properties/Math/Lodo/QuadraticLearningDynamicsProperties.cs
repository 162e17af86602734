using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>One step of lodo.md (5)–(6) over the whole double range against the exact rational step.</summary>
[Properties(MaxTest = 100)] // exact matrices with entries from 2^-1074 to 2^1024: ≈ 15 ms a case
public class QuadraticLearningDynamicsProperties
{
    private sealed record Case(double[,] A, double[] B, double[] S, double[,] H, double Alpha)
    {
        public override string ToString() =>
            $"A=[{string.Join(", ", A.Cast<double>().Select(v => v.ToString("R")))}] b=[{string.Join(", ", B.Select(v => v.ToString("R")))}] " +
            $"s=[{string.Join(", ", S.Select(v => v.ToString("R")))}] H=[{string.Join(", ", H.Cast<double>().Select(v => v.ToString("R")))}] α={Alpha:R}";
    }

    private static Gen<double[,]> Square(int n) => FullRangeDoubles.Signed.ArrayOf(n * n).Select(v =>
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = v[i * n + j];
        return m;
    });

    /// <summary>A symmetric n×n matrix (the quadratic's Hessian H) with entries anywhere in the finite doubles.</summary>
    private static Gen<double[,]> Symmetric(int n) => Square(n).Select(m =>
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                m[i, j] = m[j, i];
        return m;
    });

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from a in Square(n)
         from b in FullRangeDoubles.Signed.ArrayOf(n)
         from s in FullRangeDoubles.Signed.ArrayOf(n)
         from h in Symmetric(n)
         from alpha in FullRangeDoubles.Signed
         select new Case(a, b, s, h, alpha)).ToArbitrary();

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// b_{t+1} and A_{t+1} within their documented entrywise bounds γ_{n+1}(|A||b| + |s|) + n·2^-1074 and
    /// γ_{3n+4}(|A| + |α|(|H|(|A||b| + |s|))(|H||H||b|)ᵀ) + 32n³·2^-1074·|α|·U·W + n·2^-1074 (U = max|H|·(max|A|·max|b| + max|s|),
    /// W = max|H|²·max|b_t|) of the exact step; an ArgumentException only where some bound is beyond double.MaxValue.
    /// </summary>
    [Property]
    public Property Step_IsWithinItsBoundOfTheExactStep() => Prop.ForAll(Cases, c =>
    {
        int n = c.B.Length;
        var a = Matrix<double>.Build.DenseOfArray(c.A);
        var h = Matrix<double>.Build.DenseOfArray(c.H);
        var exact = QuadraticLearningDynamics.Step(ExactMatrix.FromDoubles(a), Column(c.B), Column(c.S), ExactMatrix.FromDoubles(h), F(c.Alpha));
        var absA = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(F(c.A[i, j])));
        var absH = ExactMatrix.Build(n, n, (i, j) => Fraction.Abs(F(c.H[i, j])));
        var absB = ExactMatrix.Build(n, 1, (i, _) => Fraction.Abs(F(c.B[i])));
        var absS = ExactMatrix.Build(n, 1, (i, _) => Fraction.Abs(F(c.S[i])));
        var bScale = absA * absB + absS;
        var aScale = absA + Fraction.Abs(F(c.Alpha)) * (absH * bScale * (absH * absH * absB).Transpose());
        var u = ExactDouble.Pow2(-53);
        Fraction Gamma(int k) => k * u / (1 - k * u);
        var tiny = n * ExactDouble.Pow2(-1074);
        var max = ExactDouble.ToFraction(double.MaxValue);
        bool inRange = Enumerable.Range(0, n).All(i => bScale[i, 0] <= max && Enumerable.Range(0, n).All(j => aScale[i, j] <= max));
        (Matrix<double> A, Vector<double> B) step;
        try
        {
            step = QuadraticLearningDynamics.Step(a, Vector<double>.Build.DenseOfArray(c.B), Vector<double>.Build.DenseOfArray(c.S), h, c.Alpha);
        }
        catch (ArgumentException e)
        {
            return (!inRange).Label($"{c}: rejected ({e.Message}) although every bound is in range");
        }
        var maxH = c.H.Cast<double>().Select(v => Fraction.Abs(F(v))).Max();
        var maxBNext = c.A.Cast<double>().Select(v => Fraction.Abs(F(v))).Max() * c.B.Select(v => Fraction.Abs(F(v))).Max()
            + c.S.Select(v => Fraction.Abs(F(v))).Max();
        var maxB = c.B.Select(v => Fraction.Abs(F(v))).Max();
        var underflow = 32 * n * n * n * ExactDouble.Pow2(-1074) * Fraction.Abs(F(c.Alpha)) * (maxH * maxBNext) * (maxH * maxH * maxB) + tiny;
        var property = true.ToProperty();
        for (int i = 0; i < n; i++)
        {
            var db = Fraction.Abs(F(step.B[i]) - exact.B[i, 0]);
            property = property.And((db <= Gamma(n + 1) * bScale[i, 0] + tiny).Label($"{c}: b_{i} = {step.B[i]:R}, exact {ExactDouble.ToDouble(exact.B[i, 0]):R}"));
            for (int j = 0; j < n; j++)
            {
                var da = Fraction.Abs(F(step.A[i, j]) - exact.A[i, j]);
                property = property.And((da <= Gamma(3 * n + 4) * aScale[i, j] + underflow).Label($"{c}: A_{i}{j} = {step.A[i, j]:R}, exact {ExactDouble.ToDouble(exact.A[i, j]):R}"));
            }
        }
        return property;
    });

    private static ExactMatrix Column(double[] v) => ExactMatrix.Build(v.Length, 1, (i, _) => ExactDouble.ToFraction(v[i]));
}
