using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Xunit;
using LodoOptimizer = Verification.Optimizers.Lodo.Lodo;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The §4.1 dynamics written once (<see cref="LearningDynamicsFormulas"/>) against the reference: (5)–(6) and (26) of
/// <see cref="QuadraticLearningDynamics"/> (in doubles, and exactly against its rational version), and Algorithm 1
/// (dense G, SGD meta-step, β = 0) against a run of <see cref="LodoOptimizer"/>.
/// </summary>
public class LearningDynamicsFormulaProperties
{
    private const string Replay = "(20261123,11400714819323198485)";

    /// <summary>
    /// Generic and reference compute the same expressions in a different order: 1e-12 of the largest |entry| (a few dozen
    /// roundings of values of order 1–100).
    /// </summary>
    private const double SameExpression = 1e-12;

    /// <summary>A small instance: H = MᵀM + I (integers), A and G in ¼ℤ, b and s integers, α = 2^−j.</summary>
    public sealed record Instance(int N, double[] H, double[] A, double[] B, double[] S, int AlphaExponent)
    {
        public double Alpha => Math.ScaleB(1, -AlphaExponent);

        public Matrix<double> Hd => Matrix<double>.Build.DenseOfRowMajor(N, N, H);

        public Matrix<double> Ad => Matrix<double>.Build.DenseOfRowMajor(N, N, A);

        public RealMatrix<T> Of<T>(double[] values) where T : IReal<T> => RealMatrix<T>.Create(N, N, (i, j) => T.Of(values[i * N + j]));

        public static Instance Draw(int n, int alphaExponent, int seed)
        {
            var r = new System.Random(seed);
            var m = new int[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] = r.Next(-2, 3);
            var h = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    int s = i == j ? 1 : 0;
                    for (int l = 0; l < n; l++) s += m[l, i] * m[l, j];
                    h[i * n + j] = s;
                }
            double[] Quarters(int count) => [.. Enumerable.Range(0, count).Select(_ => r.Next(-4, 5) / 4.0)];
            double[] Integers(int count) => [.. Enumerable.Range(0, count).Select(_ => (double)r.Next(-3, 4))];
            return new Instance(n, h, Quarters(n * n), Integers(n), Integers(n), alphaExponent);
        }
    }

    public static Arbitrary<Instance> Instances() => Arb.From(
        from n in Gen.Choose(1, 4)
        from a in Gen.Choose(2, 10)
        from seed in Gen.Choose(0, 1_000_000)
        select Instance.Draw(n, a, seed));

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        var (ok, report) = Tolerances.Lodo.Compare(expected, actual, SameExpression);
        Assert.True(ok, $"{what}: {report}");
    }

    private static double[] Values(RealMatrix<Float64> m) =>
        [.. Enumerable.Range(0, m.Rows * m.Columns).Select(k => m[k / m.Columns, k % m.Columns].Value)];

    [Property(Arbitrary = [typeof(LearningDynamicsFormulaProperties)], MaxTest = 50, Replay = Replay)]
    public void Step_InDoubles_IsTheReferenceStep(Instance e)
    {
        var (aRef, bRef) = QuadraticLearningDynamics.Step(e.Ad, Vector<double>.Build.DenseOfArray(e.B), Vector<double>.Build.DenseOfArray(e.S), e.Hd, e.Alpha);
        var (a, b) = LearningDynamicsFormulas.Step(e.Of<Float64>(e.A), RealVector.Constant<Float64>(e.B), RealVector.Constant<Float64>(e.S), e.Of<Float64>(e.H), new Float64(e.Alpha));
        AssertClose(aRef.ToRowMajorArray(), Values(a), "A_{t+1}");
        AssertClose(bRef.ToArray(), [.. b.Select(x => x.Value)], "b_{t+1}");
    }

    [Property(Arbitrary = [typeof(LearningDynamicsFormulaProperties)], MaxTest = 50, Replay = Replay)]
    public void Step_Exactly_IsTheReferencesRationalStep(Instance e)
    {
        ExactMatrix Column(double[] v) => ExactMatrix.Column([.. v.Select(ExactDouble.ToFraction)]);
        var (aRef, bRef) = QuadraticLearningDynamics.Step(ExactMatrix.FromDoubles(e.Ad), Column(e.B), Column(e.S), ExactMatrix.FromDoubles(e.Hd), ExactDouble.ToFraction(e.Alpha));
        var (a, b) = LearningDynamicsFormulas.Step(e.Of<RationalInterval>(e.A), RealVector.Constant<RationalInterval>(e.B),
            RealVector.Constant<RationalInterval>(e.S), e.Of<RationalInterval>(e.H), RationalInterval.Exact(e.Alpha));
        for (int i = 0; i < e.N; i++)
        {
            Assert.True(b[i].Lower == bRef[i, 0] && b[i].Upper == bRef[i, 0], $"b[{i}]");
            for (int j = 0; j < e.N; j++)
                Assert.True(a[i, j].Lower == aRef[i, j] && a[i, j].Upper == aRef[i, j], $"A({i}, {j})");
        }
    }

    [Property(Arbitrary = [typeof(LearningDynamicsFormulaProperties)], MaxTest = 50, Replay = Replay)]
    public void Hypergradient_InDoubles_IsTheReferences26(Instance e)
    {
        // Here A's values serve as G.
        var reference = QuadraticLearningDynamics.Hypergradient(e.Ad, e.Hd, Vector<double>.Build.DenseOfArray(e.B), Vector<double>.Build.DenseOfArray(e.S));
        var generic = LearningDynamicsFormulas.Hypergradient(e.Of<Float64>(e.A), e.Of<Float64>(e.H), RealVector.Constant<Float64>(e.B), RealVector.Constant<Float64>(e.S));
        AssertClose(reference.ToRowMajorArray(), Values(generic), "dℓ/dG");
    }

    [Property(Arbitrary = [typeof(LearningDynamicsFormulaProperties)], MaxTest = 50, Replay = Replay)]
    public void Eq26AtG_IsEq28Exactly(Instance e)
    {
        // (26) at G, with A_t = I − GH and b_{t+1} = A_tb_t − s_t, is (28) exactly.
        var h = e.Of<RationalInterval>(e.H);
        var a = e.Of<RationalInterval>(e.A);
        var g = LearningDynamicsFormulas.ErrorMatrix(a, h); // any matrix serves as G; A_t = I − GH for it
        var aT = LearningDynamicsFormulas.ErrorMatrix(g, h);
        var b = RealVector.Constant<RationalInterval>(e.B);
        var s = RealVector.Constant<RationalInterval>(e.S);
        var ab = aT * b;
        var bNext = ab.Select((x, i) => x - s[i]).ToArray();
        var eq28 = LearningDynamicsFormulas.Eq28(h, bNext, b);
        var atG = LearningDynamicsFormulas.Hypergradient(g, h, b, s);
        for (int i = 0; i < e.N; i++)
            for (int j = 0; j < e.N; j++)
                Assert.True((atG[i, j] - eq28[i, j]).IsExactlyZero, $"(26) at G ≠ (28) at ({i}, {j})");
    }

    [Fact]
    public void Eq26AtIMinusA_IsNotEq28_OnAnExample()
    {
        // Issue 11: lodo/eq-5-6's old double side called Hypergradient(I − A, …) where it expects G. With H = diag(2, 1) and
        // G = ½I: A = I − GH = diag(0, ½) and I − A = GH = diag(1, ½) ≠ G, so that call evaluated (26) at the wrong G.
        var h = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 0 }, { 0, 1 } });
        var g = Matrix<double>.Build.DenseIdentity(2) * 0.5;
        var a = Matrix<double>.Build.DenseIdentity(2) - g * h;
        var b = Vector<double>.Build.DenseOfArray([1, 1]);
        var s = Vector<double>.Build.Dense(2);
        var eq28 = -(h * (a * b - s)).OuterProduct(h * b);
        Assert.Equal(eq28, QuadraticLearningDynamics.Hypergradient(g, h, b, s));
        Assert.NotEqual(eq28, QuadraticLearningDynamics.Hypergradient(Matrix<double>.Build.DenseIdentity(2) - a, h, b, s));
    }

    [Property(Arbitrary = [typeof(LearningDynamicsFormulaProperties)], MaxTest = 30, Replay = Replay)]
    public void Algorithm1_InDoubles_FollowsTheReferenceLodoRun(Instance e)
    {
        // G₀ = A's values, x₀ = b, moves s, −s, s: the reference LODO (dense G, SGD of rate α, β = 0) and the generic run.
        int n = e.N;
        double[][] moves = [e.S, [.. e.S.Select(x => -x)], e.S];
        var lodo = LodoOptimizer.WithSgd(new DensePreconditioner(n, 1.0), e.Alpha, 0.0, 0);
        var centre = Vector<double>.Build.Dense(n);
        var x0 = Vector<double>.Build.DenseOfArray(e.B);
        var run = lodo.Begin(x0, e.Hd * (x0 - centre), Vector<double>.Build.DenseOfArray(e.A));
        var generic = LearningDynamicsFormulas.Algorithm1(e.Of<Float64>(e.H), e.Of<Float64>(e.A), RealVector.Constant<Float64>(e.B),
            [.. moves.Select(m => (IReadOnlyList<Float64>)RealVector.Constant<Float64>(m))], new Float64(e.Alpha));
        for (int t = 0; t < moves.Length; t++)
        {
            var x = run.Propose();
            centre += Vector<double>.Build.DenseOfArray(moves[t]);
            run.Accept(e.Hd * (x - centre));
            var state = generic.States[t + 1];
            AssertClose(run.X.ToArray(), [.. state.X.Select(v => v.Value)], $"x_{t + 1}");
            AssertClose(run.Theta.ToArray(), Values(state.G), $"G_{t + 1}");
            AssertClose(run.LastHypergradient!.ToArray(), Values(generic.Hypergradients[t]), $"hypergradient {t}");
        }
    }
}
