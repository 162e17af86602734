using FsCheck;
using FsCheck.Fluent;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Lodo;
using Verification.Optimizers.Lodo;
using Outcome = Verification.Claims.Model.Outcome;

namespace Verification.Claims.Catalog.Lodo;

/// <summary>
/// lodo.md §4.1 eqs. (5)–(6) and App. A.1 eqs. (26)–(28): the dense-G, SGD-meta-step, β = 0 LODO on the moving quadratic
/// follows A_{t+1} = A_t − αHb_{t+1}b_tᵀH², b_{t+1} = A_tb_t − s_t, with hypergradient dℓ_{t+1}/dG = −Hb_{t+1}b_tᵀH.
/// </summary>
internal static class Eq5And6
{
    /// <summary>n ∈ 1..3, T steps, α = 2^−alphaExponent, and the seed of H = MᵀM + I, G₀ ∈ ¼ℤ, x₀, s_t ∈ ℤ.</summary>
    internal sealed record DynamicsInput(int N, int Steps, int AlphaExponent, int Seed)
    {
        internal double Alpha => System.Math.Pow(2, -AlphaExponent);

        internal (long[,] H, long[,] G0Quarters, long[] X0, long[][] S) Data()
        {
            var r = new System.Random(Seed);
            var m = new long[N, N];
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[i, j] = r.Next(-2, 3);
            var h = new long[N, N];
            for (int i = 0; i < N; i++)
                for (int j = 0; j < N; j++)
                {
                    long s = i == j ? 1 : 0;
                    for (int l = 0; l < N; l++) s += m[l, i] * m[l, j];
                    h[i, j] = s;
                }
            var g = new long[N, N];
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) g[i, j] = r.Next(-2, 3);
            var x0 = Enumerable.Range(0, N).Select(_ => (long)r.Next(-3, 4)).ToArray();
            var noise = Enumerable.Range(0, Steps).Select(_ => Enumerable.Range(0, N).Select(_ => (long)r.Next(-2, 3)).ToArray()).ToArray();
            return (h, g, x0, noise);
        }
    }

    private static Gen<DynamicsInput> Generator { get; } =
        from n in Gen.Choose(1, 3)
        from steps in Gen.Choose(2, 6)
        from a in Gen.Choose(2, 10)
        from seed in Gen.Choose(0, int.MaxValue)
        select new DynamicsInput(n, steps, a, seed);

    /// <summary>The recurrence deviation of Algorithm 1 (dense G, SGD, β = 0) in double, from time t₀ on.</summary>
    private sealed class Recurrences(int from) : Formalization<DynamicsInput>
    {
        public override string Name { get; init; } = from == 0 ? "recurrences-from-t0" : "recurrences-from-t1";

        public override string Description { get; init; } = from == 0
            ? "For n ∈ 1..3, T ∈ 2..6, α = 2^−j: the states (A_t, b_t) and hypergradients of Algorithm 1 (dense G, SGD meta-step, β = 0, m₀ = 0) equal those of (5)–(6), (28) iterated from (A₀, b₀)."
            : "As from t₀, but the recurrences are started at (A₁, b₁): Algorithm 1's first step uses m₀ = 0, so (5)–(6) describe it from t = 1 on.";

        public override string Tolerance { get; init; } = "Double: relative 1e-9 of the largest |entry| (a few dozen rounded operations on small integers). Certification re-runs both in exact rationals, with the hypergradient taken by definition (an exact central difference of ℓ_{t+1} in each entry of G; exact because ℓ_{t+1} is quadratic in G).";

        public override Gen<DynamicsInput> Generator { get; init; } = Eq5And6.Generator;

        public override IEnumerable<DynamicsInput> EdgeCases => [new(1, 2, 2, 1), new(2, 3, 4, 2), new(3, 6, 10, 3), new(2, 6, 2, 4)];

        public override DynamicsInput Perturb(DynamicsInput input, System.Random random) => input with { Seed = random.Next() };

        public override Outcome Evaluate(DynamicsInput input)
        {
            var (hI, gI, xI, sI) = input.Data();
            int n = input.N;
            var h = Matrix<double>.Build.Dense(n, n, (i, j) => hI[i, j]);
            var g0 = Matrix<double>.Build.Dense(n, n, (i, j) => gI[i, j] / 4.0);
            var model = new DensePreconditioner(n, 1.0);
            var lodo = Verification.Optimizers.Lodo.Lodo.WithSgd(model, input.Alpha, 0.0, 0);
            var centre = Vector<double>.Build.Dense(n);
            var x0 = Vector<double>.Build.Dense(n, i => xI[i]);
            var run = lodo.Begin(x0, h * (x0 - centre), DensePreconditioner.Vectorize(g0));
            var id = Matrix<double>.Build.DenseIdentity(n);
            var aSim = new List<Matrix<double>> { id - g0 * h };
            var bSim = new List<Vector<double>> { x0 - centre };
            var hyper = new List<Vector<double>>();
            for (int t = 0; t < input.Steps; t++)
            {
                var x = run.Propose();
                centre += Vector<double>.Build.Dense(n, i => sI[t][i]);
                run.Accept(h * (x - centre));
                hyper.Add(run.LastHypergradient!);
                aSim.Add(id - model.Dense(run.Theta) * h);
                bSim.Add(run.X - centre);
            }
            var a = aSim[from];
            var b = bSim[from];
            double deviation = 0, scale = 1;
            for (int t = from; t < input.Steps; t++)
            {
                var s = Vector<double>.Build.Dense(n, i => sI[t][i]);
                var predicted = QuadraticLearningDynamics.Hypergradient(id - a, h, b, s);
                var (aNext, bNext) = QuadraticLearningDynamics.Step(a, b, s, h, input.Alpha);
                deviation = System.Math.Max(deviation, (aNext - aSim[t + 1]).Enumerate().Max(System.Math.Abs));
                deviation = System.Math.Max(deviation, (bNext - bSim[t + 1]).AbsoluteMaximum());
                deviation = System.Math.Max(deviation, (DensePreconditioner.Vectorize(predicted) - hyper[t]).AbsoluteMaximum());
                scale = System.Math.Max(scale, System.Math.Max(aNext.Enumerate().Max(System.Math.Abs), bNext.AbsoluteMaximum()));
                scale = System.Math.Max(scale, predicted.Enumerate().Max(System.Math.Abs));
                (a, b) = (aNext, bNext);
            }
            if (!double.IsFinite(scale) || !double.IsFinite(deviation))
                return Outcome.Undecided("the states overflow in double precision");
            return Outcome.Close(deviation, 0, scale, 1e-9);
        }

        public override Certificate Certify(DynamicsInput input)
        {
            var (deviation, scale) = ExactDeviation(input, from);
            string detail = $"max exact deviation between Algorithm 1 and (5)–(6)/(28) from t = {from}: {ExactDouble.ToDouble(deviation):R} (exactly {deviation}), relative to the largest |entry| {ExactDouble.ToDouble(scale):R}";
            // The certified margin is relative, like the double one: deviation / max(1, largest |entry|), rounded down.
            return deviation.IsZero
                ? Certificate.Artifact("exact rational arithmetic", detail)
                : Certificate.Proven((RationalInterval.Exact(deviation) / RationalInterval.Exact(scale)).LowerAsDouble, "exact rational arithmetic", detail);
        }

        public override IReadOnlyList<NamedValue> Describe(DynamicsInput input)
        {
            var (h, g, x, s) = input.Data();
            return
            [
                NamedValue.Text("H", ExactMatrix.FromIntegers(h).ToString()),
                NamedValue.Text("G0", (new Fraction(1, 4) * ExactMatrix.FromIntegers(g)).ToString()),
                NamedValue.Of("x0", x.Select(v => (double)v)),
                NamedValue.Text("s_t", string.Join("; ", s.Select(v => "(" + string.Join(", ", v) + ")"))),
                NamedValue.Of("alpha", input.Alpha),
            ];
        }

        public override string Explain(DynamicsInput input) => from == 0
            ? "Algorithm 1 starts with m₀ = 0, so its first step is x₁ = x₀ (b₁ = b₀ − s₀) and its first hypergradient is 0, while (6) gives b₁ = A₀b₀ − s₀ and (5) moves A: the recurrences describe the §4.1 step x_{t+1} = x_t − Gg_t, which Algorithm 1 with β = 0 matches only from t = 1."
            : "Algorithm 1 (dense G, SGD, β = 0) departs from (5)–(6).";
    }

    /// <summary>Exact max |deviation| of Algorithm 1 (hypergradient by definition) from (5)–(6) and (28), from t₀ on, and max(1, largest |entry|) of the recurrence.</summary>
    internal static (Fraction Deviation, Fraction Scale) ExactDeviation(DynamicsInput input, int from)
    {
        var (hI, gI, xI, sI) = input.Data();
        int n = input.N;
        var h = ExactMatrix.FromIntegers(hI);
        var g = new Fraction(1, 4) * ExactMatrix.FromIntegers(gI);
        var alpha = ExactDouble.ToFraction(input.Alpha);
        var id = ExactMatrix.Identity(n);
        var x = ExactMatrix.Column(xI.Select(v => new Fraction(v)).ToArray());
        var c = ExactMatrix.Build(n, 1, (_, _) => Fraction.Zero);
        var m = ExactMatrix.Build(n, 1, (_, _) => Fraction.Zero);
        var aSim = new List<ExactMatrix> { id - g * h };
        var bSim = new List<ExactMatrix> { x - c };
        var hyper = new List<ExactMatrix>();
        var noise = sI.Select(v => ExactMatrix.Column(v.Select(e => new Fraction(e)).ToArray())).ToArray();
        for (int t = 0; t < input.Steps; t++)
        {
            var cNext = c + noise[t];
            var xCur = x;
            var mCur = m;
            Fraction Loss(ExactMatrix gg)
            {
                var d = xCur - gg * mCur - cNext;
                return new Fraction(1, 2) * (d.Transpose() * h * d)[0, 0];
            }
            var gCur = g;
            var dG = ExactMatrix.Build(n, n, (i, j) =>
            {
                var e = ExactMatrix.Build(n, n, (r, q) => r == i && q == j ? Fraction.One : Fraction.Zero);
                return (Loss(gCur + e) - Loss(gCur - e)) / new Fraction(2);
            });
            var xNext = x - g * m;
            var gradient = h * (xNext - cNext);
            g = g - alpha * dG;
            m = gradient;
            x = xNext;
            c = cNext;
            hyper.Add(dG);
            aSim.Add(id - g * h);
            bSim.Add(x - c);
        }
        var a = aSim[from];
        var b = bSim[from];
        var worst = Fraction.Zero;
        var scale = Fraction.One;
        for (int t = from; t < input.Steps; t++)
        {
            var predicted = -Fraction.One * (h * (a * b - noise[t]) * b.Transpose() * h);
            var (aNext, bNext) = QuadraticLearningDynamics.Step(a, b, noise[t], h, alpha);
            worst = FractionExtensions.Max(worst, (aNext - aSim[t + 1]).MaxAbs());
            worst = FractionExtensions.Max(worst, (bNext - bSim[t + 1]).MaxAbs());
            worst = FractionExtensions.Max(worst, (predicted - hyper[t]).MaxAbs());
            scale = FractionExtensions.Max(scale, FractionExtensions.Max(aNext.MaxAbs(), FractionExtensions.Max(bNext.MaxAbs(), predicted.MaxAbs())));
            (a, b) = (aNext, bNext);
        }
        return (worst, scale);
    }

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "lodo/eq-5-6",
            LodoSources.Of("eqs. (5)–(6), App. A.1 (26)–(28)", "(5), (6), (26)–(28)", "4.1, A.1"),
            "With dense G(θ), an SGD meta-step of rate α and β = 0, LODO follows A_{t+1} = A_t − αHb_{t+1}b_tᵀH² and b_{t+1} = A_tb_t − s_t (A_t = I − G(θ_t)H, b_t = x_t − x*_t), its hypergradient being dℓ_{t+1}/dG = −Hb_{t+1}b_tᵀH.",
            "The simplified LODO of §4.1 as the reference Algorithm 1 implements it (m₀ = 0, so the recurrences are started at t = 1, after the zero first step), on integer H ≻ 0, G₀ ∈ ¼ℤ^{n×n}, integer x₀ and s_t, α = 2^−j; the exact side takes the hypergradient by definition.",
            [new Recurrences(1)]);
        yield return new Claim(
            "lodo/eq-5-6/from-t0",
            LodoSources.Of("eqs. (5)–(6), Algorithm 1", "(5), (6)", "4.1, A.1"),
            "The same recurrences hold from t = 0 for Algorithm 1 with β = 0.",
            "Reads §4.1's \"feed the gradients directly (β = 0)\" as Algorithm 1 with β = 0, whose m₀ = 0 makes the first step x₁ = x₀; the main reading starts the recurrences at t = 1. The readings differ only in the first step.",
            [new Recurrences(0)]);
    }
}
