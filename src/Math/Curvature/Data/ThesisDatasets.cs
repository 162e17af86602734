using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Data;

/// <summary>The three cases of Tables D.1 and D.2: the correctly specified model and two misspecifications.</summary>
public enum Specification
{
    /// <summary>"Correct model": the data come from the model family.</summary>
    Correct,

    /// <summary>"Misspecified (A)".</summary>
    MisspecifiedA,

    /// <summary>"Misspecified (B)".</summary>
    MisspecifiedB,
}

/// <summary>
/// The synthetic datasets of balles-thesis App. D.3.2, drawn from a seed (System.Random, <see cref="StandardNormal"/>), so every run sees
/// the same data. Table D.2 (linear regression, x ~ N(0, 1)): y = x + ε with ε ~ N(0, 1) (correct), ε ~ N(0, 2) read as
/// variance 2 (A), y = x + x²/2 + ε (B). Table D.1 (logistic regression, p(y=0) = p(y=1) = 1/2): class-conditional
/// Gaussians with equal covariances 2I and means ±(1, 1) (correct), different covariances 3I / I with means ±(1.5, 1.5) (A),
/// and means ∓(1, 1) with covariances [[1.5, ∓0.9], [∓0.9, 1.5]] (B). Inputs are x (D = 1) for regression and x ∈ ℝ² for
/// classification; labels y ∈ ℝ resp. {0, 1}.
/// </summary>
public static class ThesisDatasets
{
    /// <summary>Table D.2 with N samples from <paramref name="seed"/>.</summary>
    public static Dataset LinearRegression(Specification case_, int count, int seed)
    {
        RequireCount(count);
        var random = new System.Random(seed);
        var xs = new Vector<double>[count];
        var ys = new double[count];
        for (int n = 0; n < count; n++)
        {
            double x = StandardNormal.Draw(random);
            double e = StandardNormal.Draw(random);
            xs[n] = Vector<double>.Build.Dense(1, x);
            ys[n] = case_ switch
            {
                Specification.Correct => x + e,
                Specification.MisspecifiedA => x + Math.Sqrt(2) * e,
                Specification.MisspecifiedB => x + 0.5 * x * x + e,
                _ => throw new ArgumentException($"case_ must be Correct, MisspecifiedA or MisspecifiedB, got {case_}.", nameof(case_)),
            };
        }
        return new Dataset(xs, ys);
    }

    /// <summary>Table D.1 with N samples from <paramref name="seed"/>; each label is a fair coin.</summary>
    public static Dataset LogisticRegression(Specification case_, int count, int seed)
    {
        RequireCount(count);
        var (mean0, cov0, mean1, cov1) = case_ switch
        {
            Specification.Correct => (new[] { 1.0, 1 }, new[,] { { 2.0, 0 }, { 0, 2 } }, new[] { -1.0, -1 }, new[,] { { 2.0, 0 }, { 0, 2 } }),
            Specification.MisspecifiedA => (new[] { 1.5, 1.5 }, new[,] { { 3.0, 0 }, { 0, 3 } }, new[] { -1.5, -1.5 }, new[,] { { 1.0, 0 }, { 0, 1 } }),
            Specification.MisspecifiedB => (new[] { -1.0, -1 }, new[,] { { 1.5, -0.9 }, { -0.9, 1.5 } }, new[] { 1.0, 1 }, new[,] { { 1.5, 0.9 }, { 0.9, 1.5 } }),
            _ => throw new ArgumentException($"case_ must be Correct, MisspecifiedA or MisspecifiedB, got {case_}.", nameof(case_)),
        };
        var l0 = Matrix<double>.Build.DenseOfArray(cov0).Cholesky().Factor;
        var l1 = Matrix<double>.Build.DenseOfArray(cov1).Cholesky().Factor;
        var random = new System.Random(seed);
        var xs = new Vector<double>[count];
        var ys = new double[count];
        for (int n = 0; n < count; n++)
        {
            int y = random.NextDouble() < 0.5 ? 0 : 1;
            var z = Vector<double>.Build.DenseOfArray([StandardNormal.Draw(random), StandardNormal.Draw(random)]);
            xs[n] = y == 0 ? Vector<double>.Build.DenseOfArray(mean0) + l0 * z : Vector<double>.Build.DenseOfArray(mean1) + l1 * z;
            ys[n] = y;
        }
        return new Dataset(xs, ys);
    }

    /// <summary>
    /// The Fig. 7.1 regression (eq. D.29): x ~ Lognormal(0, 3/4), ε ~ N(0, 1), y = 2 + 2x + ε, with N samples from
    /// <paramref name="seed"/>. "Lognormal(0, 3/4)" is read as log x ~ N(0, σ² = 3/4).
    /// </summary>
    public static Dataset Figure71(int count, int seed)
    {
        RequireCount(count);
        var random = new System.Random(seed);
        var xs = new Vector<double>[count];
        var ys = new double[count];
        for (int n = 0; n < count; n++)
        {
            double x = Math.Exp(Math.Sqrt(0.75) * StandardNormal.Draw(random));
            xs[n] = Vector<double>.Build.Dense(1, x);
            ys[n] = 2 + 2 * x + StandardNormal.Draw(random);
        }
        return new Dataset(xs, ys);
    }

    private static void RequireCount(int count)
    {
        if (count < 1)
            throw new ArgumentException($"count must be ≥ 1, got {count}.", nameof(count));
    }
}
