using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Engine;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis Lemma 5.4 (proof B.2.5): if [Xᵀy]ᵢ ≠ 0 for all i and X sign(Xᵀy) = cy, sign descent
/// θ_{t+1} = θ_t − α sign(∇R(θ_t)) on R(θ) = ‖Xθ − y‖²/(2n) from θ₀ = 0 satisfies θ_t ∝ sign(Xᵀy).
/// </summary>
internal static class Lemma54
{
    private const string Statement =
        "Suppose [Xᵀy]ᵢ ≠ 0 for all i and X sign(Xᵀy) = cy for some c ∈ ℝ. Then sign descent θ_{t+1} = θ_t − α sign(∇R(θ_t)) on (5.20), from θ₀ = 0, satisfies θ_t ∝ sign(Xᵀy).";

    /// <summary>Steps simulated exactly.</summary>
    internal const int Steps = 12;

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/lemma-5.4",
            VarianceSources.Of("Lemma 5.4", "(5.20), (B.28), (B.29)", "5.5, B.2.5"),
            Statement,
            $"As written with sign(0) = 0 (the thesis' convention): for every X, y ∈ {{±1}}ⁿ and c meeting the assumptions and every α > 0, the first {Steps} iterates, simulated in exact rationals, equal λ_t·sign(Xᵀy) for a scalar λ_t.",
            [Proportional(signOfZero: 0)]);
        yield return new Claim(
            "balles/lemma-5.4/sign-zero-is-one",
            VarianceSources.Of("Lemma 5.4", "(5.20), (B.29)", "5.5, B.2.5"),
            Statement,
            "With the convention sign(0) = +1 that implementations of sign descent often use (x ≥ 0 ? 1 : −1). The readings differ only when λ_t c = 1 exactly, where ∇R(θ_t) = 0 and (B.29)'s sign(λ_t c − 1) is taken at 0.",
            [Proportional(signOfZero: 1)]);
    }

    /// <summary>A least-squares instance: X (n×d), labels y ∈ {±1}ⁿ, the claimed c, and the step α.</summary>
    internal sealed record Instance(Fraction[][] X, int[] Y, Fraction C, double Alpha)
    {
        internal int N => X.Length;

        internal int D => X[0].Length;

        internal Fraction[] XTy() => Enumerable.Range(0, D).Select(j =>
            Enumerable.Range(0, N).Aggregate(Fraction.Zero, (acc, i) => acc + X[i][j] * new Fraction(Y[i]))).ToArray();

        internal string? Assumptions()
        {
            var xty = XTy();
            if (xty.Any(v => v.IsZero)) return "[Xᵀy]ᵢ = 0 for some i";
            var s = xty.Select(v => new Fraction(v.Sign())).ToArray();
            for (int i = 0; i < N; i++)
            {
                var row = Enumerable.Range(0, D).Aggregate(Fraction.Zero, (acc, j) => acc + X[i][j] * s[j]);
                if (row != C * new Fraction(Y[i])) return "X sign(Xᵀy) ≠ cy";
            }
            return null;
        }

        /// <summary>max_t max_i |θ_{t,i} − λ_t sᵢ| with λ_t = θ_{t,0}s₀, over the first <see cref="Steps"/> iterates, exactly.</summary>
        internal Fraction Deviation(int signOfZero)
        {
            var s = XTy().Select(v => v.Sign()).ToArray();
            var theta = Enumerable.Repeat(Fraction.Zero, D).ToArray();
            var alpha = ExactDouble.ToFraction(Alpha);
            Fraction worst = Fraction.Zero;
            for (int t = 0; t < Steps; t++)
            {
                var residual = Enumerable.Range(0, N).Select(i =>
                    Enumerable.Range(0, D).Aggregate(Fraction.Zero, (acc, j) => acc + X[i][j] * theta[j]) - new Fraction(Y[i])).ToArray();
                for (int j = 0; j < D; j++)
                {
                    var grad = Enumerable.Range(0, N).Aggregate(Fraction.Zero, (acc, i) => acc + X[i][j] * residual[i]);
                    int sign = grad.IsZero ? signOfZero : grad.Sign();
                    theta[j] -= alpha * new Fraction(sign);
                }
                var lambda = theta[0] * new Fraction(s[0]);
                for (int j = 0; j < D; j++)
                    worst = FractionExtensions.Max(worst, Fraction.Abs(theta[j] - lambda * new Fraction(s[j])));
            }
            return worst;
        }

        /// <summary>The same deviation with the iterates simulated in double (the search's fast side).</summary>
        internal double DeviationAsDouble(int signOfZero)
        {
            var x = X.Select(r => r.Select(ExactDouble.ToDouble).ToArray()).ToArray();
            var s = XTy().Select(v => v.Sign()).ToArray();
            var theta = new double[D];
            double worst = 0;
            for (int t = 0; t < Steps; t++)
            {
                var residual = Enumerable.Range(0, N).Select(i => Enumerable.Range(0, D).Sum(j => x[i][j] * theta[j]) - Y[i]).ToArray();
                for (int j = 0; j < D; j++)
                {
                    double grad = Enumerable.Range(0, N).Sum(i => x[i][j] * residual[i]);
                    int sign = grad == 0 ? signOfZero : System.Math.Sign(grad);
                    theta[j] -= Alpha * sign;
                }
                double lambda = theta[0] * s[0];
                for (int j = 0; j < D; j++)
                    worst = System.Math.Max(worst, System.Math.Abs(theta[j] - lambda * s[j]));
            }
            return worst;
        }

        internal IReadOnlyList<NamedValue> Describe() =>
        [
            NamedValue.Text("X", "[" + string.Join("; ", X.Select(r => string.Join(", ", r.Select(Interval.Show)))) + "]"),
            NamedValue.Text("y", "[" + string.Join(", ", Y.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]"),
            NamedValue.Text("c", Interval.Show(C)),
            NamedValue.Of("alpha", Alpha),
        ];
    }

    /// <summary>
    /// Instances meeting the assumptions by construction: rows xᵢ = yᵢ·(s⊙wᵢ) with wᵢ &gt; 0 summing to c, so
    /// xᵢᵀs = c·yᵢ and Xᵀy = s⊙Σwᵢ has signs s; half the time with c·α = 1/k, where λ_t c = 1 is reached.
    /// </summary>
    internal static Gen<Instance> Generator { get; } =
        from n in Gen.Choose(1, 4)
        from d in Gen.Choose(2, 4)
        from s in Gen.ArrayOf(Gen.Elements(1, -1), d)
        from y in Gen.ArrayOf(Gen.Elements(1, -1), n)
        from w in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 9), d), n)
        from c in Gen.Choose(1, 8)
        from hit in Gen.Elements(true, false)
        from k in Gen.Choose(1, 5)
        from alpha in EdgeDoubles.Positive(1e-3, 10)
        select Build(s, y, w, c, hit ? 1.0 / (c * k) : alpha);

    internal static Instance Build(int[] s, int[] y, int[][] w, int c, double alpha)
    {
        var x = new Fraction[y.Length][];
        for (int i = 0; i < y.Length; i++)
        {
            int total = w[i].Sum();
            x[i] = w[i].Select((wij, j) => new Fraction(y[i] * s[j] * wij * c, total)).ToArray();
        }
        return new Instance(x, y, new Fraction(c), alpha);
    }

    private static Inequality<Instance> Proportional(int signOfZero) => new()
    {
        Name = signOfZero == 0 ? "iterates-proportional" : "iterates-proportional-sign0-is-1",
        Description = $"For all instances meeting the assumptions and α > 0: max over t < {Steps} and i of |θ_{{t,i}} − λ_t sign([Xᵀy]ᵢ)| = 0 (sign(0) = {signOfZero}).",
        Tolerance = "None: the search simulates in double, where rounding can make ∇R slightly non-zero; every candidate is re-simulated in exact rationals, which decide.",
        Relation = Relation.Equal,
        RelativeTolerance = 0,
        Generator = Generator,
        Edges = () => [Build([1, -1], [1], [[1, 1]], 1, 1.0), Build([1, -1, 1], [1, -1], [[1, 2, 3], [3, 2, 1]], 2, 0.25)],
        Move = (inst, r) => inst with { Alpha = EdgeDoubles.Perturb(inst.Alpha, r, 1e-300) },
        Hypotheses = inst => inst.Alpha > 0 ? inst.Assumptions() : "α ≤ 0",
        Sides = inst => new Sides(inst.DeviationAsDouble(signOfZero), 0, 1),
        ExactSides = (inst, _) => new ExactSides(RationalInterval.Exact(inst.Deviation(signOfZero)), RationalInterval.Zero),
        Show = inst => inst.Describe(),
        Why = _ => "Where λ_t c = 1 the gradient ∇R(θ_t) = (λ_t c − 1)Xᵀy/n is exactly 0; with sign(0) = +1 every coordinate then moves by −α, which is not along sign(Xᵀy) when its signs are mixed.",
    };
}
