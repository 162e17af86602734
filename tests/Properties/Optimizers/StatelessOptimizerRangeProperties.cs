using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Optimizers.FirstOrder;
using Verification.Optimizers.SecondOrder;

namespace Verification.Tests.Properties.Optimizers;

/// <summary>
/// StatelessOptimizer's contract over the whole double range: Update is finite or throws an ArgumentException, never
/// ∞ or NaN, for diagonal quadratics whose curvatures, linear terms and θ lie anywhere in the finite doubles.
/// </summary>
[Properties(MaxTest = 500)]
public class StatelessOptimizerRangeProperties
{
    private static readonly StatelessOptimizer[] Optimizers =
    [
        new GradientDescent(0.05),
        new Newton(),
        new SaddleFreeNewton(),
        new ElmoOptimizer(new ConstantLipschitz(1)),
        new CauchyMethod(new ConstantLipschitz(1)),
    ];

    private static Arbitrary<(double[] Curvature, double[] Linear, double[] Theta)> Problems { get; } =
        (from n in Gen.Choose(1, 3)
         from h in FullRangeDoubles.Signed.ArrayOf(n)
         from b in FullRangeDoubles.Signed.ArrayOf(n)
         from t in FullRangeDoubles.Signed.ArrayOf(n)
         select (h, b, t)).ToArbitrary();

    [Property]
    public Property Update_IsFiniteOrRejected() => Prop.ForAll(Problems, p =>
    {
        var f = Quadratic.Diagonal(Vector<double>.Build.DenseOfArray(p.Curvature), Vector<double>.Build.DenseOfArray(p.Linear));
        var theta = Vector<double>.Build.DenseOfArray(p.Theta);
        var property = true.ToProperty();
        foreach (var optimizer in Optimizers)
        {
            string outcome;
            try
            {
                var step = optimizer.Update(f, theta);
                outcome = step.All(double.IsFinite) ? "finite" : $"non-finite step {step}";
            }
            catch (ArgumentException)
            {
                outcome = "finite";
            }
            property = property.And((outcome == "finite").Label(
                $"{optimizer.Name}: H = diag({string.Join(", ", p.Curvature.Select(x => x.ToString("R")))}), b = ({string.Join(", ", p.Linear.Select(x => x.ToString("R")))}), θ = ({string.Join(", ", p.Theta.Select(x => x.ToString("R")))}): {outcome}"));
        }
        return property;
    });
}
