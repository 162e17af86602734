using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>A test function (index into <see cref="ElmoTestFunctions.All"/>), an iterate θ_t and a step Δθ_t = θ_{t+1} − θ_t.</summary>
internal sealed record TaylorCase(int Function, double[] Theta, double[] Step)
{
    internal TestFunction F => ElmoTestFunctions.All[Function];

    internal IReadOnlyList<NamedValue> Describe() =>
        [NamedValue.Text("f", F.Name), NamedValue.Of("theta_t", Theta), NamedValue.Of("Delta theta_t", Step)];

    /// <summary>
    /// Functions × θ ∈ [−3, 3]ⁿ (coordinates edge-biased) × Δθ of magnitudes 1e-3..3 in a random direction or along one
    /// coordinate; for the cubic-perturbed quadratic with u = (1, 1), θ is often taken with uᵀθ = 0 exactly (θ = s·(1, −1)),
    /// where H(θ) = D is diagonal and its eigenbasis is exact.
    /// </summary>
    internal static Gen<TaylorCase> Generator(Func<int, bool> functions)
    {
        var indices = Enumerable.Range(0, ElmoTestFunctions.All.Count).Where(functions).ToArray();
        return from i in Gen.Elements(indices)
               let n = ElmoTestFunctions.All[i].Dimension
               from theta in EdgeDoubles.Signed(1e-2, 3).ArrayOf(n)
               from orthogonal in Gen.Elements(false, true)
               from scale in EdgeDoubles.LogUniform(1e-3, 3)
               from direction in EdgeDoubles.Unit.Select(u => u * 2 - 1).ArrayOf(n)
               from axis in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, n - 1)))
               select new TaylorCase(i, orthogonal && i == 2 ? [theta[0], -theta[0]] : theta, StepOf(direction, axis, scale));
    }

    private static double[] StepOf(double[] direction, int axis, double scale)
    {
        if (axis >= 0)
            return [.. direction.Select((_, k) => k == axis ? scale : 0.0)];
        double norm = System.Math.Sqrt(direction.Sum(x => x * x));
        return norm == 0 ? [.. direction.Select(_ => scale)] : [.. direction.Select(x => x / norm * scale)];
    }

    internal static IEnumerable<TaylorCase> Edges(Func<int, bool> functions)
    {
        for (int i = 0; i < ElmoTestFunctions.All.Count; i++)
        {
            if (!functions(i)) continue;
            int n = ElmoTestFunctions.All[i].Dimension;
            yield return new TaylorCase(i, new double[n], [.. Enumerable.Repeat(1.0, n)]);
            yield return new TaylorCase(i, [.. Enumerable.Repeat(0.5, n)], [.. Enumerable.Range(0, n).Select(k => k == 0 ? 1.0 : 0.0)]);
            yield return new TaylorCase(i, new double[n], new double[n]);
        }
    }

    internal TaylorCase Move(System.Random r)
    {
        var step = (double[])Step.Clone();
        var theta = (double[])Theta.Clone();
        int k = r.Next(Step.Length);
        if (r.Next(2) == 0) step[k] = System.Math.Clamp(EdgeDoubles.Perturb(step[k], r, 0, 3), -3, 3);
        else if (Function != 2) theta[k] = System.Math.Clamp(EdgeDoubles.Perturb(theta[k], r, 0, 3), -3, 3);
        return this with { Theta = theta, Step = step };
    }
}

/// <summary>
/// The quantities of Lemma 3.1, Lemma M.2 and the first proof at one <see cref="TaylorCase"/>: the remainder
/// R = f(θ + Δ) − f(θ) − ∇fᵀΔ − ½ΔᵀHΔ, ‖Δ‖, the eigenbasis of H(θ) (exact when H(θ) is exactly diagonal) and the
/// coordinates c_i = Δᵀv_i. Note Σ_i M_t^i(c_i) = ∇fᵀΔ + ½ΔᵀHΔ + Σ_i (L_i/6)|c_i|³ for an orthonormal eigenbasis, so
/// eqs. (5), (6) read R ≤ Σ(L_i/6)|c_i|³ and −R ≤ Σ(L_i/6)|c_i|³.
/// </summary>
internal sealed class TaylorTerms
{
    /// <summary>
    /// Rounding allowance of the double remainder: 256ε·(|f(θ+Δ)| + |f(θ)| + |∇fᵀΔ| + |ΔᵀHΔ|). Each term is a sum of
    /// at most a dozen elementary-function terms accurate to a few ulps; 256ε covers their accumulated error.
    /// </summary>
    internal const double RoundingUlps = 256;

    /// <summary>2^-52, the spacing of doubles at 1.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    internal TaylorTerms(TaylorCase c)
    {
        var f = c.F.Objective;
        var theta = Vector<double>.Build.DenseOfArray(c.Theta);
        var step = Vector<double>.Build.DenseOfArray(c.Step);
        double f0 = f.Value(theta), f1 = f.Value(theta + step);
        var g = f.Gradient(theta);
        var h = f.Hessian(theta);
        double gd = g.DotProduct(step), dhd = step.DotProduct(h * step);
        Remainder = f1 - f0 - gd - dhd / 2;
        Allowance = RoundingUlps * MachineEpsilon * (System.Math.Abs(f1) + System.Math.Abs(f0) + System.Math.Abs(gd) + System.Math.Abs(dhd));
        Linear = gd;
        Quadratic = dhd;
        Norm = step.L2Norm();
        ExactBasis = c.F.ExactHessian is { } eh && IsDiagonal(eh(c.Theta));
        // A Hessian whose off-diagonal entries are exactly 0 in double (separable functions, or θ ⊥ u) has the axes as
        // exact eigenvectors whatever the rounding of its diagonal: use them, in term order (what the separable constants index).
        bool diagonal = Enumerable.Range(0, h.RowCount).All(i => Enumerable.Range(0, h.ColumnCount).All(j => i == j || h[i, j] == 0));
        if (ExactBasis || diagonal)
        {
            Coordinates = c.Step;
            Basis = [.. Enumerable.Range(0, c.Step.Length)];
            Eigenvalues = [.. Enumerable.Range(0, c.Step.Length).Select(i => h[i, i])];
        }
        else
        {
            var eigen = SymmetricEigen.Decompose(h, g);
            Coordinates = [.. Enumerable.Range(0, eigen.Dimension).Select(i => step.DotProduct(eigen.Vectors.Column(i)))];
            Basis = null;
            Eigenvalues = eigen.Values;
        }
    }

    internal double Remainder { get; }

    internal double Allowance { get; }

    internal double Linear { get; }

    internal double Quadratic { get; }

    internal double Norm { get; }

    /// <summary>True when H(θ) is exactly diagonal as a rational function, so e_1..e_n is an exact eigenbasis for certification (c_i = Δ_i).</summary>
    internal bool ExactBasis { get; }

    /// <summary>For an exact basis: which coordinate axis eigenvector i is (the identity here).</summary>
    internal int[]? Basis { get; }

    internal double[] Coordinates { get; }

    internal double[] Eigenvalues { get; }

    internal double CubicSum(IReadOnlyList<double> constants) =>
        Coordinates.Select((x, i) => constants[i] / 6 * System.Math.Abs(x) * System.Math.Abs(x) * System.Math.Abs(x)).Sum();

    private static bool IsDiagonal(RationalInterval[,] h)
    {
        for (int i = 0; i < h.GetLength(0); i++)
            for (int j = 0; j < h.GetLength(1); j++)
                if (i != j && !h[i, j].IsExactlyZero)
                    return false;
        return true;
    }

    /// <summary>
    /// R, ΔᵀHΔ and ‖Δ‖² exactly, for exact functions, at the representable θ_{t+1} = fl(θ + Δ) with the step taken as
    /// exactly θ_{t+1} − θ_t (the lemma is stated for θ_{t+1} and Δθ_t = θ_{t+1} − θ_t, so this is the same statement).
    /// </summary>
    /// <exception cref="InvalidOperationException">the function is not rational.</exception>
    internal static (RationalInterval Remainder, RationalInterval Quadratic, RationalInterval NormSquared, RationalInterval[] Step) ExactPieces(TaylorCase c)
    {
        var f = c.F;
        if (!f.IsExact)
            throw new InvalidOperationException($"{f.Name} is not a rational function: its remainder has no exact evaluation");
        var next = c.Theta.Zip(c.Step, (a, b) => a + b).ToArray();
        var d = ExactStep(c, next);
        var g = f.ExactGradient!(c.Theta);
        var h = f.ExactHessian!(c.Theta);
        var lin = RationalInterval.Zero;
        var quad = RationalInterval.Zero;
        var norm = RationalInterval.Zero;
        for (int i = 0; i < d.Length; i++)
        {
            lin += g[i] * d[i];
            norm += d[i] * d[i];
            for (int j = 0; j < d.Length; j++)
                quad += d[i] * h[i, j] * d[j];
        }
        return (f.ExactValue!(next) - f.ExactValue(c.Theta) - lin - quad / RationalInterval.Exact(2.0), quad, norm, d);
    }

    /// <summary>Δθ_t = θ_{t+1} − θ_t exactly, at the representable θ_{t+1} = fl(θ + Δ).</summary>
    internal static RationalInterval[] ExactStep(TaylorCase c, double[]? next = null)
    {
        next ??= c.Theta.Zip(c.Step, (a, b) => a + b).ToArray();
        return [.. next.Zip(c.Theta, (a, b) => RationalInterval.Exact(a) - RationalInterval.Exact(b))];
    }
}
