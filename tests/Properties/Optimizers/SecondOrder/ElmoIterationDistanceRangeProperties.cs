using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ElmoIteration.DistanceFrom (Notation 7 and 8) over the whole double range with V = I (so Δθᵀv_i = Δθ_i exactly):
/// ELMO's steps x_i and the other step Δθ from subnormals to near ±MaxValue, ±0 (each vector with one scale, as
/// <see cref="EigenspaceOptimizerDiagonalRangeProperties.Scaled"/>, or any double). References in exact rationals:
/// ΔΔ^i = Δθ_i − x_i, within ½ ulp (one rounding); ΔΔ'^i = (Δθ_i − x_i)/x_i within 2 ulp (two roundings: relative
/// 2u + u², under 2 ulp of a normal result; on the subnormal grid ½ ulp plus u of the ratio); where x_i = 0, 0 or ±∞ with
/// ΔΔ^i's sign. A rejection (naming step and double.MaxValue) is required where an exact value is at or beyond
/// MaxValue + ½ ulp and allowed only where the exact ratio is within 2u of MaxValue or beyond (ΔΔ^i rounded first).
/// </summary>
[Properties(MaxTest = 300)]
public class ElmoIterationDistanceRangeProperties
{
    private static Gen<double[]> Vector(int n) => Gen.Frequency(
        (2, EigenspaceOptimizerDiagonalRangeProperties.Scaled(n)),
        (1, Gen.ArrayOf(FullRangeDoubles.Signed, n)));

    private static Arbitrary<(double[] X, double[] Step)> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from x in Vector(n)
         from step in Vector(n)
         select (x, step)).ToArbitrary();

    [Property]
    public Property DistanceFrom_IsTheRoundedDifferenceAndRatio() => Prop.ForAll(Cases, c =>
    {
        int n = c.X.Length;
        string label = $"x = ({string.Join(", ", c.X.Select(v => v.ToString("R")))}), Δθ = ({string.Join(", ", c.Step.Select(v => v.ToString("R")))})";
        var eigen = new EigenSystem(Enumerable.Repeat(1.0, n).ToArray(), Matrix<double>.Build.DenseIdentity(n), new double[n]);
        var iteration = new ElmoIteration(eigen, Vector<double>.Build.Dense(n, 1), c.X, Vector<double>.Build.DenseOfArray(c.X));
        var threshold = ExactAgreement.OverflowThreshold;
        var nearMax = ExactDouble.ToFraction(double.MaxValue) * (1 - ExactDouble.Pow2(-52));
        var exactDistance = new Fraction[n];
        var exactRatio = new Fraction?[n];
        bool mustReject = false, mayReject = false;
        for (int i = 0; i < n; i++)
        {
            exactDistance[i] = ExactDouble.ToFraction(c.Step[i]) - ExactDouble.ToFraction(c.X[i]);
            if (c.X[i] != 0)
                exactRatio[i] = exactDistance[i] / ExactDouble.ToFraction(c.X[i]);
            mustReject |= Fraction.Abs(exactDistance[i]) >= threshold || exactRatio[i] is { } r && Fraction.Abs(r) >= threshold;
            mayReject |= Fraction.Abs(exactDistance[i]) >= threshold || exactRatio[i] is { } q && Fraction.Abs(q) >= nearMax;
        }
        (double[] Distance, double[] Relative) result;
        try
        {
            result = iteration.DistanceFrom(Vector<double>.Build.DenseOfArray(c.Step));
        }
        catch (ArgumentException e)
        {
            return (mayReject && e.ParamName == "step" && e.Message.Contains("double.MaxValue"))
                .Label($"{label}: rejected ({e.Message}); must {mustReject}, may {mayReject}");
        }
        if (mustReject)
            return false.Label($"{label}: an exact value is beyond the range, but ({string.Join(", ", result.Relative)}) was returned");
        var property = true.ToProperty();
        for (int i = 0; i < n; i++)
        {
            property = property.And(ExactAgreement.Within(result.Distance[i], RationalInterval.Exact(exactDistance[i]), 0.5, $"{label}: ΔΔ^{i}"));
            if (exactRatio[i] is { } r)
                property = property.And(ExactAgreement.Within(result.Relative[i], RationalInterval.Exact(r), 2, $"{label}: ΔΔ'^{i}"));
            else
            {
                double expected = exactDistance[i].IsZero ? 0 : exactDistance[i] > 0 ? double.PositiveInfinity : double.NegativeInfinity;
                property = property.And((result.Relative[i] == expected).Label($"{label}: x_{i} = 0, ΔΔ'^{i} = {result.Relative[i]:R}, expected {expected}"));
            }
        }
        return property;
    });
}
