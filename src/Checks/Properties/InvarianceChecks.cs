using FsCheck;
using Verification.Engine;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Checks.Problems;
using Verification.Checks.Results;
using Verification.Checks.Search;
using Verification.Optimizers;
using Verification.Optimizers.Guarantees;
using Verification.Optimizers.Objectives;
using Verification.Numerics.Exact;

using static Verification.Checks.Properties.Shown;

namespace Verification.Checks.Properties;

/// <summary>
/// <see cref="ObjectiveScaleInvariance"/> and <see cref="RotationEquivariance"/>: two steps compared exactly,
/// ‖Δθ₁ − Δθ₂‖₁ ≤ τ_inv(‖Δθ₁‖₁ + ‖Δθ₂‖₁) (<see cref="Tolerances.Invariance"/>), on well-conditioned quadratics whose
/// transformed versions are exact in double precision.
/// </summary>
public static class InvarianceChecks
{
    /// <summary>Δθ(2^K·f, θ) against Δθ(f, θ).</summary>
    public static PropertyResult RunScale(IOptimizer optimizer, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new ObjectiveScaleInvariance();
        var search = new PropertySearch<ScaledCase>
        {
            Generator = QuadraticGenerators.Cases(SpectrumKind.WellConditioned)
                .SelectMany(_ => Gen.Elements(-3, 1, 4, 20), (c, k) => new ScaledCase(c, k)),
            Edges = [new ScaledCase(new QuadraticCase([1.0, 4.0], Basis.Identity, [1.0, 1.0], [0.0, 0.0]), 1)],
            Evaluate = c => EvaluateScale(optimizer, c),
            Shrink = c => QuadraticGenerators.Shrink(c.Case).Select(q => c with { Case = q }),
            Describe = c => [.. c.Case.Describe(), NamedValue.Text("c", "2^" + c.K.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.InvarianceText, options.Validated());
    }

    /// <summary>Δθ(f∘Q, Qᵀθ) against QᵀΔθ(f, θ).</summary>
    public static PropertyResult RunRotation(IOptimizer optimizer, CheckOptions options, bool declared = true)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var guarantee = new RotationEquivariance();
        var search = new PropertySearch<RotatedCase>
        {
            Generator = QuadraticGenerators.Cases(SpectrumKind.WellConditioned, Gen.Choose(-3, 3), Gen.Elements(4, 4, 4, 2, 3))
                .SelectMany(c => Gen.Frequency(
                    (3, Gen.Constant(c.Dimension == 4 ? Basis.Hadamard : Basis.Identity)),
                    (1, from p in Gen.Shuffle(Enumerable.Range(0, c.Dimension).ToArray())
                        from s in Gen.Elements(1, -1).ArrayOf(c.Dimension)
                        select new Basis(BasisKind.SignedPermutation, p.ToArray(), s.ToArray()))),
                    (c, q) => new RotatedCase(c, q)),
            Edges = [new RotatedCase(new QuadraticCase([1.0, 2.0, 4.0, 8.0], Basis.Identity, [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]), Basis.Hadamard)],
            Evaluate = c => EvaluateRotation(optimizer, c),
            Describe = c => [.. c.Case.Describe(), NamedValue.Text("Q", c.Rotation.Kind == BasisKind.Hadamard ? "H/√n (Hadamard)" : c.Rotation.Describe())],
        };
        return search.Run(guarantee.Id, guarantee.Statement, declared, Tolerances.InvarianceText, options.Validated());
    }

    private static Evaluation EvaluateScale(IOptimizer optimizer, ScaledCase c)
    {
        var q = c.Case;
        var scaled = q with
        {
            Eigenvalues = q.Eigenvalues.Select(l => Math.ScaleB(l, c.K)).ToArray(),
            Linear = q.Linear.Select(b => Math.ScaleB(b, c.K)).ToArray(),
        };
        if (scaled.Eigenvalues.Zip(q.Eigenvalues).Any(p => Math.ScaleB(p.First, -c.K) != p.Second)
            || scaled.Linear.Zip(q.Linear).Any(p => Math.ScaleB(p.First, -c.K) != p.Second))
            return Evaluation.Reject("2^K·f is not exact in double precision here");
        var (s1, r1) = QuadraticStep.Take(optimizer, q);
        if (s1 is null)
            return Evaluation.Reject(r1!);
        var (s2, r2) = QuadraticStep.Take(optimizer, scaled);
        if (s2 is null)
            return Evaluation.Reject(r2!);
        return Compare(s1.Delta, s2.Delta, [NamedValue.Text("Δθ(f)", QuadraticCase.Show(s1.Step)), NamedValue.Text("Δθ(c·f)", QuadraticCase.Show(s2.Step))],
            "the step changes when f is multiplied by c = 2^" + c.K.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (exactly, in double precision): the optimizer is not invariant to the objective's scale");
    }

    private static Evaluation EvaluateRotation(IOptimizer optimizer, RotatedCase c)
    {
        var q = c.Case;
        int n = q.Dimension;
        if (!c.Rotation.Supports(n) || c.Rotation.Kind == BasisKind.Hadamard && n is not (1 or 4))
            return Evaluation.Reject("Q is not exactly orthogonal in double precision for this n");
        var (s, rejected) = QuadraticStep.Take(optimizer, q);
        if (s is null)
            return Evaluation.Reject(rejected!);
        // Q = B/√norm2; for Hadamard with n = 4, √4 = 2.
        var scale = new Fraction(c.Rotation.Kind == BasisKind.Hadamard ? (int)Math.Sqrt(n) : 1);
        var qm = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                qm[i, j] = new Fraction(c.Rotation.Entry(n, i, j)) / scale;
        Fraction[] QT(Fraction[] v) => Enumerable.Range(0, n).Select(j => Enumerable.Range(0, n).Aggregate(Fraction.Zero, (acc, i) => acc + qm[i, j] * v[i])).ToArray();
        var rotatedA = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var e = Fraction.Zero;
                for (int k = 0; k < n; k++)
                    for (int l = 0; l < n; l++)
                        e += qm[k, i] * s.A[k, l] * qm[l, j];
                double d = ExactLinearAlgebra.ToDouble(e);
                if (!ExactLinearAlgebra.IsExactly(d, e))
                    return Evaluation.Reject("QᵀAQ is not exact in double precision here");
                rotatedA[i, j] = d;
            }
        var b = QT(ExactLinearAlgebra.Of(q.Linear));
        var x = QT(s.Theta);
        var bd = b.Select(ExactLinearAlgebra.ToDouble).ToArray();
        var xd = x.Select(ExactLinearAlgebra.ToDouble).ToArray();
        if (!b.Zip(bd).All(p => ExactLinearAlgebra.IsExactly(p.Second, p.First)) || !x.Zip(xd).All(p => ExactLinearAlgebra.IsExactly(p.Second, p.First)))
            return Evaluation.Reject("Qᵀb or Qᵀθ is not exact in double precision here");
        var rotated = new Quadratic(rotatedA, Vector<double>.Build.DenseOfArray(bd), "rotated-quadratic");
        var step = OptimizerStep.Take(optimizer, rotated, Vector<double>.Build.DenseOfArray(xd));
        if (step.Problem is { } problem)
            return Evaluation.Reject(problem);
        var expected = QT(s.Delta);
        return Compare(ExactLinearAlgebra.Of(step.Step!), expected,
            [NamedValue.Text("Δθ(f)", QuadraticCase.Show(s.Step)), NamedValue.Text("Δθ(f∘Q)", QuadraticCase.Show(step.Step!)), NamedValue.Text("QᵀΔθ(f)", QuadraticCase.Show(expected.Select(ExactLinearAlgebra.ToDouble)))],
            "the step on the rotated problem f∘Q is not Qᵀ times the step on f: the optimizer depends on the coordinate system");
    }

    private static Evaluation Compare(Fraction[] a, Fraction[] b, IReadOnlyList<NamedValue> outputs, string explanation)
    {
        var diff = ExactLinearAlgebra.L1(ExactLinearAlgebra.Subtract(a, b));
        var scale = ExactLinearAlgebra.L1(a) + ExactLinearAlgebra.L1(b);
        return Evaluation.LessOrEqual(diff, Tolerances.Invariance * scale, scale, outputs,
            () => explanation + $" (‖Δθ₁ − Δθ₂‖₁ = {Show(diff)})");
    }
}
