using Verification.Engine.Generators;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Generators;

namespace Verification.Tests.Properties.Math;

/// <summary>Inputs of the ELMO step on its documented accuracy domain.</summary>
public sealed record StepDomainInput(double Lambda, double GradMagnitude, double Lipschitz);

/// <summary>A symmetric matrix with a gradient, for the eigen and preconditioner properties.</summary>
public sealed record SymmetricProblem(double[,] Hessian, double[] Gradient, double[] Lipschitz);

/// <summary>FsCheck arbitraries for the Math properties, registered once via <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class MathArbitraries
{
    /// <summary>
    /// λ anywhere in the finite doubles (edges ±MaxValue and subnormals included), |g| ∈ {0} ∪ [1e-150, 1e150],
    /// L ∈ [1e-150, 1e150]: the domain on which Elmo.Step promises 4 ulp.
    /// </summary>
    public static Arbitrary<StepDomainInput> StepDomain() => Arb.From(
        from l in Gen.Frequency(
            (6, EdgeDoubles.Signed(1e-150, 1e150)),
            (2, EdgeDoubles.Signed(1e-300, double.MaxValue)),
            (1, Gen.Elements(double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 0.0, -0.0)))
        from a in EdgeDoubles.NonNegative(1e-150, 1e150)
        from lip in EdgeDoubles.Positive(1e-150, 1e150)
        select new StepDomainInput(l, a, lip));

    /// <summary>Symmetric n×n (n ≤ 6) with repeated and zero eigenvalues reachable, and gradients with exact zeros.</summary>
    public static Arbitrary<SymmetricProblem> Symmetric() => Arb.From(
        from n in Gen.Choose(1, 6)
        from entries in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n * n)
        from degenerate in Gen.Elements(false, false, true)
        from grad in EdgeDoubles.Signed(1e-3, 1e3).ArrayOf(n)
        from lips in EdgeDoubles.Positive(1e-2, 1e2).ArrayOf(n)
        select new SymmetricProblem(Build(n, entries, degenerate), grad, lips));

    private static double[,] Build(int n, double[] entries, bool degenerate)
    {
        var h = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                // Degenerate case: a diagonal with repeated values, so eigenvectors are not unique.
                double v = degenerate ? (i == j ? System.Math.Round(entries[i * n + j] / 500) : 0) : entries[i * n + j];
                h[i, j] = v;
                h[j, i] = v;
            }
        return h;
    }
}
