using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>The bounds of balles-thesis §6.4.2 and the density of eq. (6.29) over the whole double range.</summary>
[Properties(MaxTest = 300)]
public class SignGeometryBoundsProperties
{
    /// <summary>
    /// Each bound is homogeneous of degree 1 in H (ρ_diag of degree 0) and is computed on 2^-s·H: so f(2^k·H) = 2^k·f(H)
    /// bit for bit wherever 2^k·H is exact and 2^k·f(H) is a normal double, and otherwise f(2^k·H) is rejected with an
    /// ArgumentException only where 2^k·f(H) exceeds double.MaxValue (or where f rejects H itself, e.g. ρ_diag = 0 in Prop. 6.4).
    /// </summary>
    [Property]
    public Property Bounds_AreHomogeneousAcrossTheRange() => Prop.ForAll(SignGeometryMatrices.FullRange.ToArbitrary(), c =>
    {
        if (!c.ScalesExactly)
            return true.Label("2^k·H is not exact (skipped)");
        var h = Matrix<double>.Build.DenseOfArray((c with { Exponent = 0 }).Scaled());
        var scaled = Matrix<double>.Build.DenseOfArray(c.Scaled());
        bool zero = h.Enumerate().All(v => v == 0);
        var property = true.ToProperty();
        (string Name, Func<Matrix<double>, double> F, int Degree)[] bounds =
        [
            ("EntrywiseL1", SignGeometryBounds.EntrywiseL1, 1),
            ("Prop65Bound", SignGeometryBounds.Prop65Bound, 1),
            ("Eq621LowerBound", SignGeometryBounds.Eq621LowerBound, 1),
            ("SpectralNorm", SignGeometryBounds.SpectralNorm, 1),
            ("RhoDiag", SignGeometryBounds.RhoDiag, 0),
            ("Prop64Bound", SignGeometryBounds.Prop64Bound, 1),
        ];
        foreach (var (name, f, degree) in bounds)
        {
            if (zero && name is "RhoDiag" or "Prop64Bound")
                continue; // 0/0: rejected for every k, checked in the examples
            double unscaled;
            try { unscaled = f(h); }
            catch (ArgumentException)
            {
                // Outside the domain at scale 1 (ρ_diag = 0 for Prop. 6.4): so at every scale.
                property = property.And(Rejects(() => f(scaled)).Label($"{c}: {name} rejects H but not 2^k·H"));
                continue;
            }
            double expected = Math.ScaleB(unscaled, degree * c.Exponent);
            if (double.IsInfinity(expected))
            {
                property = property.And(Rejects(() => f(scaled)).Label($"{c}: {name} = 2^k·{unscaled:R} is beyond the range but was not rejected"));
                continue;
            }
            if (!double.IsNormal(expected) && expected != 0)
                continue;
            double actual = f(scaled);
            property = property.And((actual == expected).Label($"{c}: {name}(2^k·H) = {actual:R}, 2^k·{name}(H) = {expected:R}"));
        }
        return property;
    });

    private static bool Rejects(Func<double> f)
    {
        try { f(); return false; }
        catch (ArgumentException) { return true; }
    }

    /// <summary>
    /// φ(ω) = ‖ω‖₁²/(d‖ω‖₂²) within (2d + 6)·2^-53 relative of its exact rational value, for ω with entries anywhere in the
    /// finite doubles (subnormals, ±MaxValue, zeros; not all zero).
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Density_IsWithinItsBoundOfTheExactValue() => Prop.ForAll(
        Gen.Choose(1, 6).SelectMany(d => FullRangeDoubles.Signed.ArrayOf(d)).Where(w => w.Any(v => v != 0)).ToArbitrary(), omega =>
    {
        double computed = SignGeometryBounds.Density(Vector<double>.Build.DenseOfArray(omega));
        var q = omega.Select(ExactDouble.ToFraction).ToArray();
        var l1 = q.Aggregate(Fraction.Zero, (a, v) => a + Fraction.Abs(v));
        var l2Squared = q.Aggregate(Fraction.Zero, (a, v) => a + v * v);
        var exact = l1 * l1 / (l2Squared * omega.Length);
        double error = ExactDouble.ToDouble(Fraction.Abs(ExactDouble.ToFraction(computed) - exact) / exact);
        double bound = (2 * omega.Length + 6) * Math.ScaleB(1.0, -53);
        return (error <= bound).Label($"ω = [{string.Join(", ", omega.Select(v => v.ToString("R")))}]: φ = {computed:R}, exact {ExactDouble.ToDouble(exact):R}, relative error {error:R} > {bound:R}");
    });
}
