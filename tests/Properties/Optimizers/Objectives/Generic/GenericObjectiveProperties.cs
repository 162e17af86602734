using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Engine.Generators;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>A generic objective (by index into <see cref="GenericObjectiveProperties.Objectives"/>) and a point.</summary>
public sealed record ObjectiveAtPoint(int Index, double[] Theta)
{
    public override string ToString() =>
        $"{GenericObjectiveProperties.Objectives[Index].Name} at [{string.Join(", ", Theta.Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>
/// Each generic objective is the same function as its double reference: f, ∇f and H in doubles agree with the reference,
/// and the exact (rational-interval) values enclose a point within rounding of the reference. What is compared is the
/// written-once code against the separately written double implementation.
/// </summary>
[Properties(Arbitrary = [typeof(GenericObjectiveProperties)], MaxTest = 150, Replay = "(16042397741122598113,3092571862230147731)")]
public class GenericObjectiveProperties
{
    /// <summary>
    /// Both sides sum the same terms in different orders, each term a few ulps off (products, exp, log, cos, atan): 256ε of
    /// the size of the terms bounds their difference (at most a few dozen roundings per entry).
    /// </summary>
    private static readonly double Agreement = Math.ScaleB(256, -52);

    internal static IReadOnlyList<IGenericObjective> Objectives { get; } =
    [
        new GenericQuadratic([-2, 0, 1.5], [1, -0.5, 0.25], 3),
        new GenericQuadratic([-1, 0.5], [0.5, 1], null),
        new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -0.5 }, { -0.5, 2 } }), 3, Vector<double>.Build.DenseOfArray([1.0, 1])),
        new GenericCubicPerturbedQuadratic(Matrix<double>.Build.DenseOfDiagonalArray([-1, 0.5, 2]), -2, Vector<double>.Build.DenseOfArray([0.75, -0.5, 0.25])),
        new GenericSeparableObjective(new SeparableObjective([new CubicTerm(1, 2), new CubicTerm(-1, -0.5), new CubicTerm(0.5, 1)])),
        new GenericSeparableObjective(new SeparableObjective([new CosineQuadraticTerm(2, 0.25), new LogCoshTerm(1.5), new LorentzianTerm(-1, 3)])),
        new GenericLogisticRegression(Matrix<double>.Build.DenseOfArray(new double[,] { { 1.25, -0.5, 0.75 }, { -0.875, 1.5, 0.25 }, { 0.5, 0.625, -1.75 }, { 2, 1.125, -0.375 } }), [1, -1, 1, -1], 0.1),
    ];

    public static Arbitrary<ObjectiveAtPoint> Points() => Arb.From(
        from i in Gen.Choose(0, Objectives.Count - 1)
        from theta in Gen.Frequency((4, EdgeDoubles.Signed(1e-3, 6)), (1, EdgeDoubles.Signed(1e-12, 40))).ArrayOf(Objectives[i].Dimension)
        select new ObjectiveAtPoint(i, theta));

    private static bool Close(double a, double b, double scale) => Math.Abs(a - b) <= Agreement * scale + double.Epsilon;

    /// <summary>Σ_k|∂_k(term magnitude)| is not available in general, so gradients and Hessians are compared against the largest entry of the reference plus the term magnitude of f at θ over (1 + |θ|) and (1 + |θ|)².</summary>
    [Property]
    public Property DoubleValues_AgreeWithTheReference(ObjectiveAtPoint p)
    {
        var f = Objectives[p.Index];
        var reference = f.Reference;
        var theta = Vector<double>.Build.DenseOfArray(p.Theta);
        var x = RealVector.Constant<Float64>(p.Theta);
        double magnitude = f.TermMagnitude(x).Value;
        double radius = 1 + p.Theta.Max(Math.Abs);
        bool value = Close(f.Value(x).Value, reference.Value(theta), magnitude);
        var g = f.Gradient(x);
        var gr = reference.Gradient(theta);
        bool gradient = Enumerable.Range(0, f.Dimension).All(k => Close(g[k].Value, gr[k], gr.AbsoluteMaximum() + 2 * magnitude / radius));
        var h = f.Hessian(x);
        var hr = reference.Hessian(theta);
        double hScale = hr.Enumerate().Max(Math.Abs) + 6 * magnitude / (radius * radius);
        bool hessian = Enumerable.Range(0, f.Dimension).All(i => Enumerable.Range(0, f.Dimension).All(j => Close(h[i, j].Value, hr[i, j], hScale) && h[i, j].Value == h[j, i].Value));
        return (value && gradient && hessian).Label($"{p}: value {value}, gradient {gradient}, Hessian {hessian}");
    }

    /// <summary>Fewer cases: enclosing exp, log, cos and atan costs milliseconds each.</summary>
    [Property(MaxTest = 40)]
    public Property ExactValues_AreNarrowAndNearTheReference(ObjectiveAtPoint p)
    {
        var f = Objectives[p.Index];
        var theta = Vector<double>.Build.DenseOfArray(p.Theta);
        using var scope = EnclosureSettings.Use(128);
        var x = RealVector.Constant<RationalInterval>(p.Theta);
        var value = f.Value(x);
        double magnitude = f.TermMagnitude(x).Midpoint;
        double reference = f.Reference.Value(theta);
        bool narrow = ExactDouble.ToDouble(value.Width) <= 1e-30 * (1 + magnitude);
        return (narrow && Close(value.Midpoint, reference, magnitude)).Label($"{p}: exact {value} vs reference {reference:R}");
    }

    [Property]
    public Property TermMagnitude_IsAtLeastTheValue(ObjectiveAtPoint p)
    {
        var f = Objectives[p.Index];
        var x = RealVector.Constant<Float64>(p.Theta);
        double value = Math.Abs(f.Value(x).Value), magnitude = f.TermMagnitude(x).Value;
        return (magnitude >= value * (1 - Agreement)).Label($"{p}: |f| = {value:R}, term magnitude {magnitude:R}");
    }
}
