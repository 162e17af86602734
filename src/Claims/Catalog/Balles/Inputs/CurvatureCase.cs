using FsCheck;
using FsCheck.Fluent;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;

namespace Verification.Claims.Catalog.Balles.Inputs;

/// <summary>
/// One problem of balles-thesis eq. (7.1): a model, a likelihood, a small dataset (N ≤ 4 samples of D ≤ 2 inputs) and a
/// point θ. Small on purpose: every matrix is formed densely and forward mode costs d(d+1)/2 passes. Every generated
/// case has consistent dimensions (θ of the model's length, labels in the likelihood's support, a curved-linear model only
/// with a one-output likelihood), so an exception from the code under test is a finding, never a rejected input.
/// </summary>
internal sealed record CurvatureCase(ModelFamily Model, LikelihoodFamily Likelihood, int Hidden, double Curvature, double[][] X, double[] Y, double[] Theta)
{
    /// <summary>Classes of the categorical likelihood.</summary>
    internal const int Classes = 3;

    internal static readonly LikelihoodFamily[] Natural =
        [LikelihoodFamily.GaussianIdentity, LikelihoodFamily.BernoulliLogit, LikelihoodFamily.CategoricalSoftmax, LikelihoodFamily.PoissonLog];

    internal static readonly LikelihoodFamily[] Controls = [LikelihoodFamily.BernoulliProbability, LikelihoodFamily.GaussianMeanVariance];

    internal static readonly LikelihoodFamily[] AllLikelihoods = [.. Natural, .. Controls];

    internal static readonly ModelFamily[] AllModels = [ModelFamily.Linear, ModelFamily.CurvedLinear, ModelFamily.TanhMlp];

    internal CurvatureShape Shape => new(Model, Likelihood, X[0].Length, Hidden, Classes);

    /// <summary>The problem in arithmetic T: x_n, θ, κ and real labels read with T.Input, discrete labels as exact constants.</summary>
    internal CurvatureProblem<T> Problem<T>() where T : IReal<T>
    {
        var shape = Shape;
        return new CurvatureProblem<T>(shape, T.Input(Curvature), X.Select(x => RealVector.Input<T>(x)).ToArray(),
            Y.Select(y => CurvatureFormulas.Label<T>(shape, y)).ToArray(), RealVector.Input<T>(Theta));
    }

    /// <summary>
    /// The (likelihood, model) pairs a statement ranges over: every pair with consistent dimensions (a curved-linear model needs
    /// a one-output likelihood), and no curved-linear model under a non-natural likelihood (its output q = xᵀθ + (κ/2)‖θ‖² cannot
    /// be steered into (0, 1) by a bias).
    /// </summary>
    internal static (LikelihoodFamily, ModelFamily)[] Pairs(LikelihoodFamily[] likelihoods, ModelFamily[] models) =>
    [
        .. from l in likelihoods
           from m in models
           where m != ModelFamily.CurvedLinear || (l is LikelihoodFamily.GaussianIdentity or LikelihoodFamily.BernoulliLogit or LikelihoodFamily.PoissonLog)
           select (l, m),
    ];

    private static Gen<double> Coordinate { get; } = Gen.Frequency(
        (8, EdgeDoubles.Unit.Select(u => Math.Round(4 * u - 2, 3))),
        (1, Gen.Constant(0.0)),
        (1, Gen.Elements(1.0, -1.0, 0.5, -0.5, 2.0)));

    private static Gen<double> Label(LikelihoodFamily kind) => kind switch
    {
        LikelihoodFamily.GaussianIdentity or LikelihoodFamily.GaussianMeanVariance => Coordinate.Select(c => 2 * c),
        LikelihoodFamily.BernoulliLogit or LikelihoodFamily.BernoulliProbability => Gen.Elements(0.0, 1.0),
        LikelihoodFamily.CategoricalSoftmax => Gen.Choose(0, Classes - 1).Select(c => (double)c),
        _ => Gen.Choose(0, 6).Select(c => (double)c),
    };

    /// <summary>Problems over the given pairs; for the non-natural likelihoods θ's output layer is scaled into the domain.</summary>
    internal static Gen<CurvatureCase> Over((LikelihoodFamily, ModelFamily)[] pairs, int maxCount = 4) =>
        from pair in Gen.Elements(pairs)
        from d in Gen.Choose(1, 2)
        from n in Gen.Choose(1, maxCount)
        from hidden in Gen.Choose(1, 2)
        from kappa in Gen.Elements(0.5, -1.0, 2.0, 0.25, -0.125)
        from x in Gen.ArrayOf(Gen.ArrayOf(Coordinate, d), n)
        from y in Gen.ArrayOf(Label(pair.Item1), n)
        let dim = new CurvatureShape(pair.Item2, pair.Item1, d, hidden, Classes).Parameters
        from theta in Gen.ArrayOf(Coordinate, dim)
        from offset in EdgeDoubles.Unit
        select IntoDomain(new CurvatureCase(pair.Item2, pair.Item1, hidden, kappa, x, y, theta), offset);

    /// <summary>
    /// For a non-natural likelihood: shrink the output weights by 10 and set each output bias so f starts inside the domain
    /// (a probability in [0.2, 0.8], a variance in [0.5, 2]). Natural likelihoods are left as drawn.
    /// </summary>
    internal static CurvatureCase IntoDomain(CurvatureCase c, double offset)
    {
        if (!Controls.Contains(c.Likelihood) || c.Model == ModelFamily.CurvedLinear)
            return c;
        var theta = (double[])c.Theta.Clone();
        int d = c.X[0].Length;
        int outputs = c.Shape.Outputs;
        int width = c.Model == ModelFamily.Linear ? d + 1 : c.Hidden + 1;
        int start = c.Model == ModelFamily.Linear ? 0 : c.Hidden * (d + 1);
        for (int m = 0; m < outputs; m++)
        {
            for (int k = 0; k < width - 1; k++)
                theta[start + m * width + k] /= 10;
            bool variance = c.Likelihood == LikelihoodFamily.GaussianMeanVariance && m == 1;
            theta[start + m * width + width - 1] = Math.Round(variance ? 0.5 + 1.5 * offset : 0.2 + 0.6 * offset, 3);
        }
        return c with { Theta = theta };
    }

    /// <summary>One hand-picked problem per pair: two samples, labels at the start of the support, θ = 0.3·(1, −1, …).</summary>
    internal static IEnumerable<CurvatureCase> Edges((LikelihoodFamily, ModelFamily)[] pairs)
    {
        foreach (var (lk, mk) in pairs)
        {
            var x = new[] { new[] { 0.5 }, new[] { -1.0 } };
            double[] y = lk switch
            {
                LikelihoodFamily.GaussianIdentity or LikelihoodFamily.GaussianMeanVariance => [1.5, -0.25],
                LikelihoodFamily.CategoricalSoftmax => [0, 2],
                LikelihoodFamily.PoissonLog => [0, 3],
                _ => [1, 0],
            };
            int dim = new CurvatureShape(mk, lk, 1, 2, Classes).Parameters;
            var theta = Enumerable.Range(0, dim).Select(i => i % 2 == 0 ? 0.3 : -0.3).ToArray();
            yield return IntoDomain(new CurvatureCase(mk, lk, 2, 0.5, x, y, theta), 0.5);
        }
    }

    /// <summary>A nearby problem: one coordinate of θ or of an x moved.</summary>
    internal CurvatureCase Move(System.Random random)
    {
        var theta = (double[])Theta.Clone();
        var x = X.Select(r => (double[])r.Clone()).ToArray();
        if (random.Next(2) == 0)
        {
            int i = random.Next(theta.Length);
            theta[i] = EdgeDoubles.Perturb(theta[i], random, 0, 8);
        }
        else
        {
            int n = random.Next(x.Length), j = random.Next(x[n].Length);
            x[n][j] = EdgeDoubles.Perturb(x[n][j], random, 0, 8);
        }
        return this with { Theta = theta, X = x };
    }

    /// <summary>Simpler problems: each coordinate of θ and of the x_n toward small integers and dyadics.</summary>
    internal IEnumerable<CurvatureCase> Shrink()
    {
        int d = X[0].Length, n = X.Length;
        return Shrinks.Coordinates(this, c => [.. c.Theta, .. c.X.SelectMany(r => r)], (c, v) => c with
        {
            Theta = v[..c.Theta.Length],
            X = Enumerable.Range(0, n).Select(k => v[(c.Theta.Length + k * d)..(c.Theta.Length + (k + 1) * d)]).ToArray(),
        });
    }

    internal IReadOnlyList<NamedValue> Describe()
    {
        var shape = Shape;
        var list = new List<NamedValue> { NamedValue.Text("model", shape.ModelName), NamedValue.Text("likelihood", shape.LikelihoodName) };
        if (Model == ModelFamily.CurvedLinear)
            list.Add(NamedValue.Of("κ", Curvature));
        list.AddRange(X.Select((x, k) => NamedValue.Of($"x_{k}", x)));
        list.Add(NamedValue.Of("y", Y));
        list.Add(NamedValue.Of("θ", Theta));
        return list;
    }

    /// <summary>The search domain over the given pairs (edge cases: one per pair, in order).</summary>
    internal static Domain<CurvatureCase> Domain((LikelihoodFamily, ModelFamily)[] pairs, IEnumerable<CurvatureCase>? extraEdges = null)
    {
        var edges = (extraEdges ?? []).Concat(Edges(pairs)).ToList();
        return new Domain<CurvatureCase>
        {
            Generator = Over(pairs),
            Edges = () => edges,
            Perturb = (c, r) => c.Move(r),
            Shrink = c => c.Shrink(),
            Describe = c => c.Describe(),
        };
    }
}
