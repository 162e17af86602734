using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Search;
using Verification.Numerics;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Numerics.Elmo;

namespace Verification.Checks;

/// <summary>
/// The optimizer's distance to ELMO's minmax step per eigenspace, on fixed cubic-perturbed quadratics with a known
/// Hessian-Lipschitz constant (elmo-amos §3.4, Notation 8, eq. 3 and 7): a measurement for the report, not a verdict.
/// </summary>
public static class ElmoRegret
{
    /// <summary>The fixed problems: (name, objective, θ).</summary>
    public static IReadOnlyList<(string Name, CubicPerturbedQuadratic Objective, double[] Theta)> Problems { get; } =
    [
        ("convex D=diag(1, 4), c=1, u=e₁", new CubicPerturbedQuadratic(Diag(1, 4), 1, Vec(1, 0)), [0.5, -0.25]),
        ("saddle D=diag(-2, 3), c=2, u=e₂", new CubicPerturbedQuadratic(Diag(-2, 3), 2, Vec(0, 1)), [0.5, 0.5]),
        ("indefinite D=diag(-1, 0.25, 2), c=0.5, u=(1,1,0)", new CubicPerturbedQuadratic(Diag(-1, 0.25, 2), 0.5, Vec(1, 1, 0)), [0.3, -0.2, 1]),
    ];

    /// <summary>One row per eigenspace of each problem; problems where the step fails are skipped with a note.</summary>
    public static (IReadOnlyList<RegretRow> Rows, IReadOnlyList<string> Notes) Measure(IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rows = new List<RegretRow>();
        var notes = new List<string>();
        foreach (var (name, f, thetaArray) in Problems)
        {
            var theta = Vector<double>.Build.DenseOfArray(thetaArray);
            var step = OptimizerStep.Take(optimizer, f, theta);
            if (step.Problem is { } problem)
            {
                notes.Add($"{name}: {problem}");
                continue;
            }
            var eigen = SymmetricEigen.Decompose(f.Hessian(theta), f.Gradient(theta));
            double l = f.HessianLipschitz!.Value;
            for (int i = 0; i < eigen.Dimension; i++)
            {
                double lambda = eigen.Values[i], g = eigen.GradientProjections[i];
                double x = step.Step!.DotProduct(eigen.Vectors.Column(i));
                double xStar = ElmoStep.Step(lambda, Math.Abs(g), l);
                double mStar = CubicUpperModel.Evaluate(g, lambda, l, xStar);
                double m = CubicUpperModel.Evaluate(g, lambda, l, x);
                rows.Add(new RegretRow(name, lambda, g, l, x, xStar,
                    xStar == 0 ? double.NaN : (x - xStar) / xStar,
                    mStar == 0 ? double.NaN : m / mStar));
            }
        }
        return (rows, notes);
    }

    private static Matrix<double> Diag(params double[] d) => Matrix<double>.Build.DiagonalOfDiagonalArray(d);

    private static Vector<double> Vec(params double[] v) => Vector<double>.Build.DenseOfArray(v);
}
