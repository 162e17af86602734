using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Data;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Curvature.Models;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="GeneralizedLinearObjective"/>'s f_n, ∇R/N, ∇²R/N = F/N and F̃/N for its three likelihoods (Gaussian identity
/// with any σ², Bernoulli logit, Poisson log), N ≤ 3 samples, D ≤ 2 inputs with or without bias, data, labels and θ over
/// the whole double range (issue 15, item 1).
/// </summary>
/// <remarks>
/// References, in exact rationals: f_n* = Σ_j θ_j x̃_nj, and each member's mean over n of its per-sample term with the score
/// s_n and weight w_n taken exactly at the computed f̂_n (<see cref="GeneralizedLinearObjective.Output"/>): the Gaussian's
/// (y − f̂)/σ² and 1/σ² as rationals, the logit's σ(∓f̂) and σ(f̂)σ(−f̂) and the Poisson's y − e^f̂ and e^f̂ from 96-bit
/// enclosures of e^{±f̂} (beyond |f̂| = 2300, e^{−|f̂|} is bracketed by [0, 2^-3300]: every term it enters is then below
/// 2^-1250). Bounds, u = 2^-53, each derived from the doc comments:
/// <list type="bullet">
/// <item>f̂_n: within (d + 1)·u·Σ_j|θ_j x̃_nj| + 2^-1074 (d products and d − 1 additions, or a scaled sum's d − 1 + d and one
/// rounding), rejected only where |f*| plus that reaches double.MaxValue;</item>
/// <item>the piece's own relative accuracy c·u: scores c_s = 2 (Gaussian, two roundings), 6 (logit σ(∓f) within 3 ulp, an
/// ulp at most 2u relatively; carried e^t within 3u), 6.3 (Poisson, as <see cref="PoissonLog"/>'s gradient; its near-label
/// form −y·expm1(f − ln y) is never subnormal but at y = 1, f subnormal, where it is −f exactly); weights c_w = 1 (1/σ² once rounded),
/// 14 (σσ within 7 ulp), 3 (e^f by the platform within 1 ulp, or carried within 3u);</item>
/// <item>∇R/N: (N + 3 + c_s)·u·A (A = (1/N)Σ_n|s_n x̃_nj|; N − 1 additions, the product, the division by N, the final rounding
/// and one for second order); ∇²R/N and F/N: (N + 4 + c_w)·u·A; F̃/N: (N + 5 + 2c_s)·u·A; each + 2^-1074;</item>
/// <item>an <see cref="ArgumentException"/> only where f_n is rejected as above, where a Poisson f̂_n exceeds ln MaxValue
/// (e^f̂ beyond the range), or where an exact entry plus its bound reaches MaxValue; ±∞ or NaN never.</item>
/// </list>
/// </remarks>
[Properties(MaxTest = 120)] // 96-bit exp enclosures per sample: a few ms to tens of ms a case
public class GeneralizedLinearObjectiveSumRangeProperties
{
    private const int Bits = 96;
    private const double EnclosureReach = 2300;
    private static readonly Fraction Unit = ExactDouble.Pow2(-53), Smallest = ExactDouble.Pow2(-1074), Far = ExactDouble.Pow2(-3300);
    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>One generated objective: its likelihood, bias, inputs, labels and θ.</summary>
    public sealed record Case(ILikelihood Likelihood, bool Bias, double[][] X, double[] Y, double[] Theta)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"{Likelihood.Name}, bias {Bias}, x = [{string.Join("; ", X.Select(x => string.Join(", ", x.Select(v => v.ToString("R")))))}], " +
            $"y = [{string.Join(", ", Y.Select(v => v.ToString("R")))}], θ = [{string.Join(", ", Theta.Select(v => v.ToString("R")))}]";
    }

    /// <summary>
    /// x and θ either each from the whole signed range, or x at one scale 2^s and θ at 2^(t − s) (the bias weight at 2^t),
    /// t ∈ −12…12: f moderate while x̃ is huge or tiny, where the sums must keep a tiny or carried piece that x̃ scales back;
    /// or x in ±[1, 2)·2^s, |s| ≥ 150, with θ_j x_j aimed at ±[350, 2300] each (the bias weight at ±[350, 1150]).
    /// </summary>
    private static Gen<(double[][] X, double[] Theta)> Inputs(int inputs, bool bias, int count)
    {
        int width = inputs + (bias ? 1 : 0);
        var moderate = FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x));
        var wide = from x in Gen.ArrayOf(FullRangeDoubles.SignedOrOneScale(inputs), count)
                   from theta in FullRangeDoubles.SignedOrOneScale(width)
                   select (x, theta);
        var balanced = from s in Gen.Choose(-1000, 1000)
                       from t in Gen.Choose(-12, 12)
                       from x in Gen.ArrayOf(Gen.ArrayOf(moderate, inputs), count)
                       from w in Gen.ArrayOf(moderate, width)
                       select (x.Select(r => r.Select(v => Math.ScaleB(v, s)).ToArray()).ToArray(),
                               w.Select((v, j) => Math.ScaleB(v, j < inputs ? t - s : t)).ToArray());
        // f_n aimed at ±[350, 4600] with x̃ far from 1, where the logit's and Poisson's pieces are carried below 2^-1022
        // and x̃ can scale them back into the range.
        var aimed = from s in Gen.Elements(-1, 1).SelectMany(sign => Gen.Choose(150, 1000).Select(k => sign * k))
                    from x in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1 << 30).Select(k => 1 + k / (double)(1 << 30)).SelectMany(v => Gen.Elements(v, -v)), inputs), count)
                    from target in Gen.ArrayOf(Gen.Choose(350, 1150).Select(k => (double)k).SelectMany(k => Gen.Elements(k, -k)), width)
                    select (x.Select(r => r.Select(v => Math.ScaleB(v, s)).ToArray()).ToArray(),
                            target.Select((v, j) => Math.ScaleB(v, j < inputs ? -s : 0)).ToArray());
        return Gen.Frequency((1, wide), (2, balanced), (1, aimed));
    }

    private static Gen<Case> Cases(Gen<ILikelihood> likelihood, Func<ILikelihood, Gen<double>> label) =>
        from l in likelihood
        from inputs in Gen.Choose(1, 2)
        from bias in Gen.Elements(false, true)
        from count in Gen.Choose(1, 3)
        from data in Inputs(inputs, bias, count)
        from y in Gen.ArrayOf(label(l), count)
        select new Case(l, bias, data.X, y, data.Theta);

    private static Gen<ILikelihood> Gaussian { get; } =
        FullRangeDoubles.Positive.Select(v => (ILikelihood)new GaussianIdentity(v));

    private static Gen<double> PoissonLabel { get; } =
        Gen.Frequency((3, Gen.Elements(0.0, 1.0, 2.0, 7.0)), (1, Gen.Choose(0, 60).Select(k => Math.Round(Math.Pow(1.8, k)))));

    [Property]
    public Property Gaussian_MembersAreWithinTheirBoundsOrRejected() =>
        Prop.ForAll(Cases(Gaussian, _ => FullRangeDoubles.Signed).ToArbitrary(), Run);

    [Property]
    public Property BernoulliLogit_MembersAreWithinTheirBoundsOrRejected() =>
        Prop.ForAll(Cases(Gen.Constant((ILikelihood)new BernoulliLogit()), _ => Gen.Elements(0.0, 1.0)).ToArbitrary(), Run);

    [Property]
    public Property PoissonLog_MembersAreWithinTheirBoundsOrRejected() =>
        Prop.ForAll(Cases(Gen.Constant((ILikelihood)new PoissonLog()), _ => PoissonLabel).ToArbitrary(), Run);

    /// <summary>
    /// Points the old plain sums got wrong (each fails on the old code's paths, reproduced by forcing the plain sums and
    /// the plain f_n: the old class had no Output), each checked by the same rule as the properties: a logit score −σ(−800) that
    /// x = 1e300 scales back (∇R/N was 0 for ≈ 3.7e-48), a Gaussian score (y − f)/σ² = 1e-57/1.7e271 below 2^-1074 that
    /// x = 1.3e191 scales back (∇R/N was 0 for ≈ −7.6e-138), θᵀx̃ = 1e310 − 1e310 + 1 whose plain sum was NaN (every member
    /// NaN), two Gaussian scores 1.5e308 whose plain sum overflowed (∇R/N −∞ for −1.5e308), and a Poisson weight e^-750 that
    /// x² = 1e600 scales back (F/N was 0 for ≈ 1.9e274).
    /// </summary>
    [Theory]
    [MemberData(nameof(OldDefects))]
    public void PointsThePlainSumsGotWrong_AreWithinTheirBounds(Case c) => Assert.Null(Check(c));

    /// <summary>The cases of <see cref="PointsThePlainSumsGotWrong_AreWithinTheirBounds"/>.</summary>
    public static TheoryData<Case> OldDefects() => new()
    {
        new Case(new BernoulliLogit(), false, [[1e300]], [0.0], [-8e-298]),
        new Case(new GaussianIdentity(1.7e271), false, [[1.3e191]], [1e-57], [0.0]),
        new Case(new GaussianIdentity(1.0), true, [[1e10, 1e10]], [0.0], [1e300, -1e300, 1.0]),
        new Case(new GaussianIdentity(1.0), false, [[1.0], [1.0]], [1.5e308, 1.5e308], [0.0]),
        new Case(new PoissonLog(), false, [[1e300]], [0.0], [-7.5e-298]),
    };

    private static Property Run(Case c)
    {
        string? failure = Check(c);
        return (failure is null).Label(failure ?? "").Label(c.ToString());
    }

    /// <summary>Null when every member is within its bound or rejected where allowed; else what failed.</summary>
    private static string? Check(Case c)
    {
        var model = new LinearModel(c.X[0].Length, bias: c.Bias);
        GeneralizedLinearObjective objective;
        try
        {
            objective = new GeneralizedLinearObjective(model, c.Likelihood, new Dataset(c.X.Select(x => V(x)).ToList(), c.Y), "case");
        }
        catch (ArgumentException)
        {
            return null; // labels outside the likelihood's support are the constructor's concern, not this property's
        }
        var theta = V(c.Theta);
        int count = c.X.Length, d = c.Theta.Length;
        var features = c.X.Select(x => model.Features(V(x))).ToArray();

        // f̂_n, against the exact θᵀx̃_n.
        var outputs = new double[count];
        bool outputRejected = false;
        for (int n = 0; n < count; n++)
        {
            Fraction exact = 0, scale = 0;
            for (int j = 0; j < d; j++)
            {
                var p = Q(c.Theta[j]) * Q(features[n][j]);
                exact += p;
                scale += Fraction.Abs(p);
            }
            var bound = (d + 1) * Unit * scale + Smallest;
            try
            {
                outputs[n] = objective.Output(n, theta);
            }
            catch (ArgumentException e) when (e.ParamName == "theta")
            {
                if (Fraction.Abs(exact) + bound < Max)
                    return $"f_{n} rejected though its exact {(double)exact:R} is within the range: {e.Message}";
                outputRejected = true;
                continue;
            }
            if (!double.IsFinite(outputs[n]) || Fraction.Abs(Q(outputs[n]) - exact) > bound)
                return $"f_{n} = {outputs[n]:R}, exact {(double)exact:R}, beyond (d + 1)u·Σ|θx̃| + 2^-1074";
        }
        if (outputRejected)
            return AllRejected(objective, theta, "an f_n is beyond the range");

        var pieces = outputs.Select((f, n) => Pieces(c.Likelihood, c.Y[n], f)).ToArray();
        bool pieceBeyond = pieces.Any(p => p.Beyond);

        return Member("∇R/N", () => objective.Gradient(theta).ToArray(), count, d, (n, i, j) => -pieces[n].Score * F(features[n][i]),
                   (n, i, j) => (count + 3 + pieces[n].ScoreConstant) * Unit * pieces[n].ScoreMagnitude * Fraction.Abs(Q(features[n][i])),
                   vector: true, pieceBeyond)
            ?? Member("∇²R/N", () => objective.Hessian(theta).ToRowMajorArray(), count, d, (n, i, j) => pieces[n].Weight * F(features[n][i]) * F(features[n][j]),
                   (n, i, j) => (count + 4 + pieces[n].WeightConstant) * Unit * pieces[n].WeightMagnitude * Fraction.Abs(Q(features[n][i]) * Q(features[n][j])), vector: false, pieceBeyond)
            ?? Member("F/N", () => objective.Fisher(theta).ToRowMajorArray(), count, d, (n, i, j) => pieces[n].Weight * F(features[n][i]) * F(features[n][j]),
                   (n, i, j) => (count + 4 + pieces[n].WeightConstant) * Unit * pieces[n].WeightMagnitude * Fraction.Abs(Q(features[n][i]) * Q(features[n][j])), vector: false, pieceBeyond)
            ?? Member("F̃/N", () => objective.EmpiricalFisher(theta).ToRowMajorArray(), count, d,
                   (n, i, j) => pieces[n].Score * pieces[n].Score * F(features[n][i]) * F(features[n][j]),
                   (n, i, j) =>
                   {
                       var p = pieces[n];
                       var xx = Fraction.Abs(Q(features[n][i]) * Q(features[n][j]));
                       return (count + 5 + 2 * p.ScoreConstant) * Unit * p.ScoreMagnitude * p.ScoreMagnitude * xx;
                   }, vector: false, pieceBeyond);
    }

    private static RationalInterval F(double x) => RationalInterval.Exact(x);

    /// <summary>
    /// One member: each entry against (1/N)Σ_n term(n, i, j), within (1/N)Σ_n bound(n, i, j) + 2^-1074 of the reference's
    /// nearer end; a rejection naming theta allowed only where an entry's exact magnitude plus its bound reaches MaxValue.
    /// </summary>
    private static string? Member(string what, Func<double[]> compute, int count, int d,
        Func<int, int, int, RationalInterval> term, Func<int, int, int, Fraction> bound, bool vector, bool pieceBeyond)
    {
        int rows = d, columns = vector ? 1 : d;
        var exact = new RationalInterval[rows * columns];
        var bounds = new Fraction[rows * columns];
        bool mayOverflow = pieceBeyond;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                RationalInterval sum = RationalInterval.Zero;
                Fraction b = 0;
                for (int n = 0; n < count; n++)
                {
                    sum += term(n, i, j);
                    b += bound(n, i, j);
                }
                var mean = sum / RationalInterval.Exact(new Fraction(count));
                exact[i * columns + j] = mean;
                bounds[i * columns + j] = b / count + Smallest;
                mayOverflow |= FractionExtensions.Max(Fraction.Abs(mean.Lower), Fraction.Abs(mean.Upper)) + bounds[i * columns + j] >= Max;
            }
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException e) when (e.ParamName == "theta")
        {
            return mayOverflow ? null : $"{what} rejected though every entry is within the range: {e.Message}";
        }
        for (int k = 0; k < computed.Length; k++)
        {
            if (!double.IsFinite(computed[k]))
                return $"{what}[{k}] = {computed[k]:R}, not finite";
            var value = Q(computed[k]);
            var e = exact[k];
            var distance = value < e.Lower ? e.Lower - value : value > e.Upper ? value - e.Upper : Fraction.Zero;
            if (distance > bounds[k])
                return $"{what}[{k}] = {computed[k]:R}, exact ≈ {e.Midpoint:R}, off by {(double)distance:R} > bound {(double)bounds[k]:R}";
        }
        return null;
    }

    private static string? AllRejected(GeneralizedLinearObjective objective, Vector<double> theta, string why)
    {
        foreach (var (name, member) in new (string, Action)[]
                 {
                     ("∇R/N", () => objective.Gradient(theta)), ("∇²R/N", () => objective.Hessian(theta)),
                     ("F/N", () => objective.Fisher(theta)), ("F̃/N", () => objective.EmpiricalFisher(theta)),
                 })
        {
            try
            {
                member();
            }
            catch (ArgumentException e) when (e.ParamName == "theta")
            {
                continue;
            }
            return $"{name} returned though {why}";
        }
        return null;
    }

    /// <summary>
    /// A sample's exact score and weight at f̂ with the piece constants; Beyond where the Poisson rate e^f̂ is beyond the
    /// range (the member may then be rejected, as the score and weight doubles are).
    /// </summary>
    private sealed record Piece(RationalInterval Score, RationalInterval Weight, Fraction ScoreConstant, Fraction WeightConstant, bool Beyond = false)
    {
        public Fraction ScoreMagnitude => FractionExtensions.Max(Fraction.Abs(Score.Lower), Fraction.Abs(Score.Upper));

        public Fraction WeightMagnitude => FractionExtensions.Max(Fraction.Abs(Weight.Lower), Fraction.Abs(Weight.Upper));
    }

    /// <summary>e^t enclosed, or bracketed by [0, 2^-3300] below −2300.</summary>
    private static RationalInterval Exp(double t) =>
        t < -EnclosureReach ? new RationalInterval(Fraction.Zero, Far) : ExactExp.Of(t, Bits);

    /// <summary>The exact piece at f̂ (for the Poisson, f̂ up to 4096; the rate is far beyond the range from 710 on).</summary>
    private static Piece Pieces(ILikelihood likelihood, double y, double f)
    {
        var one = RationalInterval.Exact(1.0);
        switch (likelihood)
        {
            case GaussianIdentity g:
                var variance = RationalInterval.Exact(g.Variance);
                return new Piece((RationalInterval.Exact(y) - RationalInterval.Exact(f)) / variance, one / variance, 2, 1);
            case BernoulliLogit:
                var e = Exp(-Math.Abs(f)); // σ(−|f|) = e/(1 + e), σ(|f|) = 1/(1 + e)
                RationalInterval small = e / (one + e), large = one / (one + e);
                RationalInterval sigma = f >= 0 ? large : small, sigmaOfMinus = f >= 0 ? small : large;
                return new Piece(y == 1 ? sigmaOfMinus : -sigma, sigma * sigmaOfMinus, 6, 14);
            case PoissonLog:
                var rate = Exp(Math.Min(f, 4096));
                return new Piece(RationalInterval.Exact(y) - rate, rate, new Fraction(63, 10), 3, rate.Upper >= Max);
            default:
                throw new ArgumentException($"no exact pieces for {likelihood.Name}.", nameof(likelihood));
        }
    }
}
