using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;
using Verification.Math.Statistics;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// One SGD step of thesis §3.2/§4.1 at θ: per-sample gradients ∇f(θ; ξ) = ∇f(θ) + ξ with ξ from a zero-mean discrete
/// distribution (atoms at zero allowed; Σ = Cov[ξ]), a minibatch of size m (eq. 3.4), step size α, the smoothness
/// constant L ≥ sup|f''| used by the statement, and Assumption 3.1's constants C₀, C₁ (at θ).
/// </summary>
internal sealed record SgdStepInput(
    SeparableTestFunction F,
    double[] Theta,
    DiscreteDistribution Noise,
    int BatchSize,
    double L,
    double Alpha,
    double C0,
    double C1)
{
    /// <summary>The distribution of the minibatch noise ḡ − ∇f(θ) (exact enumeration of the m-fold product).</summary>
    internal DiscreteDistribution MinibatchNoise => Noise.MinibatchMean(BatchSize);

    internal double[] Gradient => F.Gradient(Theta);

    internal double GradientNormSquared => Gradient.Sum(x => x * x);

    internal double TraceSigma => ExactDouble.ToDouble(Noise.TraceCovariance());

    /// <summary>E_t[f(θ − α g)] in double.</summary>
    internal double ExpectedNextValue(double alpha)
    {
        var grad = Gradient;
        return MinibatchNoise.ExpectationAsDouble(xi =>
            F.Value(Theta.Select((t, i) => t - alpha * (grad[i] + xi[i])).ToArray()));
    }

    /// <summary>E_t|f(θ − α g)|: the size of the terms averaged in <see cref="ExpectedNextValue"/> (its rounding scale).</summary>
    internal double ExpectedAbsNextValue(double alpha)
    {
        var grad = Gradient;
        return MinibatchNoise.ExpectationAsDouble(xi =>
            System.Math.Abs(F.Value(Theta.Select((t, i) => t - alpha * (grad[i] + xi[i])).ToArray())));
    }

    /// <summary>E_t‖g‖² in double.</summary>
    internal double ExpectedGradientNormSquared()
    {
        var grad = Gradient;
        return MinibatchNoise.ExpectationAsDouble(xi => grad.Select((g, i) => (g + xi[i]) * (g + xi[i])).Sum());
    }

    internal RationalInterval[] ExactTheta => Theta.Select(RationalInterval.Exact).ToArray();

    internal RationalInterval ExactValue(int bits) => F.ExactValue(ExactTheta, bits);

    internal RationalInterval[] ExactGradient(int bits) => F.ExactGradient(ExactTheta, bits);

    internal RationalInterval ExactGradientNormSquared(int bits) => Interval.Sum(ExactGradient(bits).Select(Interval.Square));

    internal RationalInterval ExactTraceSigma => RationalInterval.Exact(Noise.TraceCovariance());

    /// <summary>An enclosure of E_t[f(θ − α g)] with α given exactly.</summary>
    internal RationalInterval ExactExpectedNextValue(RationalInterval alpha, int bits)
    {
        var grad = ExactGradient(bits);
        var theta = ExactTheta;
        return MinibatchNoise.Expectation(xi =>
            F.ExactValue(theta.Select((t, i) => t - alpha * (grad[i] + RationalInterval.Exact(xi[i]))).ToArray(), bits));
    }

    /// <summary>An enclosure of E_t‖g‖².</summary>
    internal RationalInterval ExactExpectedGradientNormSquared(int bits)
    {
        var grad = ExactGradient(bits);
        return MinibatchNoise.Expectation(xi => Interval.Sum(grad.Select((g, i) => Interval.Square(g + RationalInterval.Exact(xi[i])))));
    }

    internal IReadOnlyList<NamedValue> Describe()
    {
        var list = new List<NamedValue>(F.Describe())
        {
            NamedValue.Of("theta", Theta),
            NamedValue.Text("noise atoms ξ_k", string.Join("; ", Enumerable.Range(0, Noise.Count).Select(k =>
                "(" + string.Join(", ", Noise.Atom(k).Select(Interval.Show)) + ") w.p. " + Interval.Show(Noise.Probability(k))))),
            NamedValue.Text("m", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            NamedValue.Of("L", L),
            NamedValue.Of("alpha", Alpha),
            NamedValue.Of("C0", C0),
            NamedValue.Of("C1", C1),
        };
        return list;
    }

    /// <summary>A zero-mean distribution from K − 1 free atoms and integer weights; the last atom balances the mean exactly.</summary>
    internal static DiscreteDistribution ZeroMean(double[][] freeAtoms, int[] weights, int d)
    {
        var atoms = freeAtoms.Select(a => a.Select(ExactDouble.ToFraction).ToArray()).ToList();
        var last = new Fraction[d];
        for (int i = 0; i < d; i++)
        {
            Fraction s = Fraction.Zero;
            for (int k = 0; k < atoms.Count; k++)
                s += new Fraction(weights[k]) * atoms[k][i];
            last[i] = -s / new Fraction(weights[^1]);
        }
        atoms.Add(last);
        return new DiscreteDistribution(atoms, weights.Select(w => new BigInteger(w)).ToArray());
    }

    private static Gen<double[]> Vector(int d, Gen<double> entry) => Gen.ArrayOf(entry, d);

    /// <summary>Test functions: quadratics (b = 0) half the time, non-convex allowed unless <paramref name="stronglyConvex"/>.</summary>
    internal static Gen<SeparableTestFunction> Functions(int d, bool stronglyConvex) =>
        from a in Vector(d, stronglyConvex ? EdgeDoubles.Positive(1e-3, 1e3) : EdgeDoubles.Signed(1e-3, 1e3))
        from quadratic in Gen.Elements(true, false)
        from b in Vector(d, stronglyConvex ? EdgeDoubles.NonNegative(1e-3, 1e3) : EdgeDoubles.Signed(1e-3, 1e3))
        from c in Vector(d, EdgeDoubles.Signed(1e-3, 1e3))
        select new SeparableTestFunction(a, quadratic ? new double[d] : b, c);

    /// <summary>Zero-mean noise with 1–3 atoms (a single atom is the noise-free case ξ = 0).</summary>
    internal static Gen<DiscreteDistribution> Noises(int d) =>
        from k in Gen.Choose(1, 3)
        from free in Gen.ArrayOf(Vector(d, EdgeDoubles.Signed(1e-3, 1e3)), k - 1)
        from weights in Gen.ArrayOf(Gen.Choose(1, 4), k)
        select ZeroMean(free, weights, d);

    /// <summary>
    /// Inputs for the SGD step claims: d ≤ 3, m ≤ 3, L = sup|f''|·(1 or more), α ∈ [0, 2/L] edge-biased (or any
    /// α ≥ 0 when the statement does not restrict it), C₁ ≥ 0 and C₀ the smallest value meeting Assumption 3.1 at θ plus slack.
    /// </summary>
    internal static Gen<SgdStepInput> Generator(bool stronglyConvex = false) =>
        from d in Gen.Choose(1, 3)
        from f in Functions(d, stronglyConvex)
        from theta in Vector(d, EdgeDoubles.Signed(1e-3, 1e3))
        from noise in Noises(d)
        from m in Gen.Choose(1, 3)
        from lFactor in Gen.Frequency((3, Gen.Constant(1.0)), (1, EdgeDoubles.Positive(1, 100)))
        from alphaUnits in Gen.Frequency((4, EdgeDoubles.NonNegative(1e-3, 2)), (1, EdgeDoubles.NonNegative(1e-3, 1e3)))
        from c1 in EdgeDoubles.NonNegative(1e-3, 1e3)
        from slack in EdgeDoubles.NonNegative(1e-3, 1e3)
        select Build(f, theta, noise, m, lFactor, alphaUnits, c1, slack);

    internal static SgdStepInput Build(SeparableTestFunction f, double[] theta, DiscreteDistribution noise, int m, double lFactor, double alphaUnits, double c1, double slack)
    {
        double l = f.Smoothness * lFactor;
        if (l == 0) l = lFactor; // f is linear: any L ≥ 0 is a smoothness constant
        double alpha = alphaUnits / l;
        var probe = new SgdStepInput(f, theta, noise, m, l, alpha, 0, c1);
        double c0 = System.Math.Max(0, probe.TraceSigma - c1 * probe.GradientNormSquared) * (1 + 1e-9) + slack;
        return probe with { C0 = c0 };
    }

    /// <summary>
    /// Relative allowance for rounding in the double comparison only: the sides are sums of at most ~30 rounded terms
    /// (error ≲ 1e-14 of the scale), so double differences below 1e-12 of the scale are not sent to certification.
    /// </summary>
    internal const double RoundingAllowance = 1e-12;

    /// <summary>Null unless the step is exactly zero (α = 0, or ∇f = 0 and ξ ≡ 0), where both sides are f(θ).</summary>
    internal string? ZeroStep(bool alphaIsFixed = false)
    {
        if (!alphaIsFixed && Alpha == 0) return "α = 0: both sides equal f(θ)";
        bool noiseFree = Enumerable.Range(0, Noise.Count).All(k => Noise.Atom(k).All(x => x.IsZero));
        return noiseFree && Gradient.All(g => g == 0) ? "∇f = 0 and ξ ≡ 0: the step is 0 and both sides equal f(θ)" : null;
    }

    /// <summary>A move of θ or α for climbing.</summary>
    internal SgdStepInput Perturb(System.Random random)
    {
        if (random.Next(2) == 0)
            return this with { Alpha = EdgeDoubles.Perturb(Alpha, random) };
        var theta = (double[])Theta.Clone();
        int i = random.Next(theta.Length);
        theta[i] = EdgeDoubles.Perturb(theta[i], random, 0, 1e3);
        return this with { Theta = theta };
    }

    /// <summary>The tight cases: a quadratic with f'' = L everywhere (Lemma 2.1 holds with equality), with and without noise.</summary>
    internal static IEnumerable<SgdStepInput> Edges()
    {
        var quad = new SeparableTestFunction([1.0], [0.0], [0.0]);
        var noise = ZeroMean([[1.0]], [1, 1], 1);
        yield return Build(quad, [1.0], noise, 1, 1, 1, 0, 0);
        yield return Build(quad, [1.0], noise, 2, 1, 2, 1, 0);
        yield return Build(quad, [0.0], noise, 1, 1, 0.5, 0, 0);
        yield return Build(quad, [1.0], DiscreteDistribution.FromDoubles([[0.0]], [1]), 1, 1, 1, 0, 0);
        var bumpy = new SeparableTestFunction([1.0, -2.0], [3.0, 1.0], [0.5, -1.0]);
        yield return Build(bumpy, [0.25, 2.0], ZeroMean([[2.0, 0.0], [0.0, -1.0]], [1, 2, 3], 2), 3, 1, 1, 0.5, 0);
    }
}
