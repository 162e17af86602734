using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Arithmetic;

/// <summary>
/// Soundness of the prover's enclosures (issue "Theorem checking", item 6): at random points of a box, the true value of
/// a function (enclosed at 512 bits, four times the prover's 128) lies inside the Taylor-at-a-face enclosure
/// Face₀ + … + Face_(N−1)t^(N−1) + Box_N t^N of <see cref="FaceJet{T}"/> and inside the mean-value form of
/// <see cref="Dual{T}"/>. Containment is exact (rational end points), with no tolerance.
/// </summary>
public class FaceJetProperties
{
    /// <summary>A function using every elementary operation the prover encloses: √, exp, ln, erf, erfc, |·| (of one sign on the boxes: |·| has no derivative at 0), /.</summary>
    private static T F<T>(T x) where T : IReal<T> =>
        T.Sqrt(1 + x) * T.Exp(-x) / (2 + x) + T.Log(3 + x) - T.Erf(x - T.Ratio(1, 2)) + T.Abs(x - 2) * T.Erfc(x) / 3;

    private const int Order = 3;

    /// <summary>A face c ∈ [−0.5, 0.5], a side, a width w ∈ (0, 1/2] and a point t ∈ [0, w], all dyadic (exact doubles).</summary>
    private static Arbitrary<(double Face, int Side, double Width, double T)> Cases() =>
        (from c in Gen.Choose(-512, 512)
         from side in Gen.Elements(1, -1)
         from w in Gen.Choose(1, 512)
         from u in Gen.Choose(0, 1024)
         select (c / 1024.0, side, w / 1024.0, w / 1024.0 * u / 1024)).ToArbitrary();

    private static RationalInterval Exact(double x) => RationalInterval.Exact(x);

    private static bool Contains(RationalInterval outer, RationalInterval inner) => outer.Lower <= inner.Lower && inner.Upper <= outer.Upper;

    private static RationalInterval TrueValue(double face, int side, double t)
    {
        var x = Exact(face) + Exact(side) * Exact(t);
        using (EnclosureSettings.Use(512))
            return F(x);
    }

    [Property(MaxTest = 60)]
    public Property TaylorFormAtAFace_ContainsTheTrueValue() => Prop.ForAll(Cases(), c =>
    {
        double lo = c.Side > 0 ? c.Face : c.Face - c.Width, hi = c.Side > 0 ? c.Face + c.Width : c.Face;
        var box = new RationalInterval(Exact(lo).Lower, Exact(hi).Upper);
        double tag = lo + (hi - lo) / 2;
        var range = c.Side > 0 ? box - Exact(c.Face) : Exact(c.Face) - box;
        FaceJet<RationalInterval> f;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([tag], [box]))
        using (FaceJet<RationalInterval>.Use(0, c.Face, c.Side, Order, range))
            f = F(FaceJet<RationalInterval>.Input(tag));
        var t = Exact(c.T);
        var enclosure = f.Box(Order);
        for (int j = Order - 1; j >= 0; j--)
            enclosure = f.Face(j) + t * enclosure;
        return Contains(enclosure, TrueValue(c.Face, c.Side, c.T));
    });

    /// <summary>
    /// A function of t with poles and zeros at t = 0 (a Laurent expansion there): a pole of order 2 under √ (√(1 + 2/t²) =
    /// √(t² + 2)/t), a divisor vanishing at 0 (t − t²/2), √ of a double zero (√(t²(3 + t)) = t√(3 + t)), ln(1 + t²)/t³
    /// (a zero of order 2 over one of order 3), and erf of a value vanishing at 0: the sum has a pole of order 1.
    /// </summary>
    private static T G<T>(T t) where T : IReal<T> =>
        T.Sqrt(1 + 2 / (t * t)) + (1 + t) / (t - t * t / 2) + T.Sqrt(t * t * (3 + t)) * T.Exp(t) - T.Log(1 + t * t) / (t * t * t)
        + T.Erf(t * t / (t + t * t));

    /// <summary>A width w ∈ (0, 1/2] and a point t ∈ (0, w], dyadic.</summary>
    private static Arbitrary<(double Width, double T)> PoleCases() =>
        (from w in Gen.Choose(1, 512)
         from u in Gen.Choose(1, 1024)
         select (w / 1024.0, w / 1024.0 * u / 1024)).ToArbitrary();

    [Property(MaxTest = 30)]
    public Property LaurentFormAtAPole_ContainsTheTrueValue() => Prop.ForAll(PoleCases(), c =>
    {
        var box = new RationalInterval(Exact(0).Lower, Exact(c.Width).Upper);
        double tag = c.Width / 2;
        FaceJet<RationalInterval> g;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([tag], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, Order, box))
            g = G(FaceJet<RationalInterval>.Input(tag));
        RationalInterval truth;
        using (EnclosureSettings.Use(512))
            truth = G(Exact(c.T));
        return (g.Valuation == -1 && Contains(g.At(Exact(c.T)), truth)).Label($"valuation {g.Valuation}, order {g.ExpansionOrder}");
    });

    /// <summary>
    /// A pole x = s·c/t^p at t = 0 (s = ±1, p ∈ {1, 2}) and a point t ∈ (0, w] of a box [0, w], w ≤ 1, chosen so that
    /// |x| = y at t is a short dyadic across [2⁻¹⁰, 1] (about 10⁻³ up), [1, 70] (past 27, where erfc underflows doubles)
    /// and [2¹⁰, 2²⁰]: c = y·t^p is then exact in doubles, and the reference erfc(y) is cheap to enclose (ExactErf's
    /// e^(−y²) is slow for long rationals).
    /// </summary>
    private static Arbitrary<(int Sign, double C, int Pole, double Width, double T)> TailCases() =>
        (from sign in Gen.Elements(1, -1)
         from y in Gen.Frequency(
             (2, Gen.Choose(1, 1024).Select(k => k / 1024.0)),
             (3, Gen.Choose(64, 64 * 70).Select(k => k / 64.0)),
             (1, Gen.Choose(1, 1024).Select(k => k * 1024.0)))
         from pole in Gen.Elements(1, 2)
         from u in Gen.Choose(1, 512)
         from v in Gen.Choose(0, 512)
         let t = u / 1024.0
         select (sign, y * Math.Pow(t, pole), pole, t + v / 1024.0, t)).ToArbitrary();

    /// <summary>x = s·c/t^p in arithmetic T, from the input t.</summary>
    private static T PoleAt<T>(T t, int sign, double c, int pole) where T : IReal<T> =>
        sign * T.Of(c) / (pole == 1 ? t : t * t);

    /// <summary>erf and erfc of x, and 1 − erfc(x) + |t − c/4|·erfc(x), whose |·| changes sign on the box when c/4 &lt; w (a jet of order 0).</summary>
    private static (T Erf, T Erfc, T Mixed) Tails<T>(T t, int sign, double c, int pole) where T : IReal<T>
    {
        var x = PoleAt(t, sign, c, pole);
        var erfc = T.Erfc(x);
        return (T.Erf(x), erfc, 1 - erfc + T.Abs(t - T.Of(c) / 4) * erfc);
    }

    [Property(MaxTest = 40)]
    public Property ErfAndErfcAtAPole_ContainTheTrueValue() => Prop.ForAll(TailCases(), c =>
    {
        // erf(c/t) has an essential singularity at t = 0: the jet is the tail bound erfc(y) ≤ n!/(√π y^(2n+1)) (order 0).
        var box = new RationalInterval(Exact(0).Lower, Exact(c.Width).Upper);
        double tag = c.Width / 2;
        (FaceJet<RationalInterval> Erf, FaceJet<RationalInterval> Erfc, FaceJet<RationalInterval> Mixed) jets;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseTags([tag], [box]))
        using (FaceJet<RationalInterval>.Use(0, 0, 1, Order, box))
            jets = Tails(FaceJet<RationalInterval>.Input(tag), c.Sign, c.C, c.Pole);
        var t = Exact(c.T);
        // The reference: erfc(|x|) at 512 bits by ExactErf (series or asymptotic series: no part of the jet's tail bound,
        // which uses only √π), with erf(±y) = ±(1 − erfc(y)) and erfc(−y) = 2 − erfc(y). Outward-rounded, erfc(y) may dip
        // below 0 by 2⁻⁵²⁰ where the jet's bound is exact (erfc ≥ 0): cut at 0, a fact of the function, not a tolerance.
        (RationalInterval Erf, RationalInterval Erfc, RationalInterval Mixed) truth;
        using (EnclosureSettings.Use(512))
        {
            var magnitude = RationalInterval.Exact(c.C) / (c.Pole == 1 ? t : t * t);
            var tail = RationalInterval.Erfc(magnitude);
            tail = new RationalInterval(FractionExtensions.Max(tail.Lower, 0), tail.Upper);
            var erfc = c.Sign > 0 ? tail : 2 - tail;
            truth = (c.Sign > 0 ? 1 - tail : tail - 1, erfc, 1 - erfc + RationalInterval.Abs(t - Exact(c.C) / 4) * erfc);
        }
        return (Contains(jets.Erf.At(t), truth.Erf) && Contains(jets.Erfc.At(t), truth.Erfc) && Contains(jets.Mixed.At(t), truth.Mixed))
            .Label($"x = {c.Sign * c.C / Math.Pow(c.T, c.Pole):R}: erf {jets.Erf.At(t)} ∋ {truth.Erf}, erfc {jets.Erfc.At(t)} (t^{jets.Erfc.Valuation}) ∋ {truth.Erfc}, mixed {jets.Mixed.At(t)} ∋ {truth.Mixed}");
    });

    /// <summary>A box [lo, lo + w] ⊂ [1/8, 1] of t and a point of it, dyadic (so x = 1/(64t²) ∈ [1/64, 1] keeps |x − 2| one-signed).</summary>
    private static Arbitrary<(double Lower, double Width, double T)> PositiveBoxes() =>
        (from lo in Gen.Choose(128, 1024)
         from w in Gen.Choose(1, 256)
         from u in Gen.Choose(0, 1024)
         select (lo / 1024.0, w / 1024.0 * (1024 - lo) / 1024, w / 1024.0 * (1024 - lo) / 1024 * u / 1024)).ToArbitrary();

    [Property(MaxTest = 30)]
    public Property MeanValueFormThroughAChangeOfVariables_ContainsTheTrueValue() => Prop.ForAll(PositiveBoxes(), c =>
    {
        // x = 1/t²: the statement reads F(x); the prover's box and derivatives are in t (the chain rule through the map).
        double lo = c.Lower, hi = c.Lower + c.Width, mid = lo + (hi - lo) / 2;
        var box = new RationalInterval(Exact(lo).Lower, Exact(hi).Upper);
        Dual<RationalInterval> onBox, atMid;
        using (EnclosureSettings.Use(128))
        using (EnclosureSettings.UseMaps([CoordinateMap.InverseSquare]))
        {
            using (EnclosureSettings.UseTags([mid], [box]))
                onBox = F(Dual<RationalInterval>.Input(mid) / 64);
            using (EnclosureSettings.UseTags([mid], [Exact(mid)]))
                atMid = F(Dual<RationalInterval>.Input(mid) / 64);
        }
        var t = Exact(lo + c.T);
        var enclosure = atMid.Value + onBox.Derivative(0) * (t - Exact(mid));
        RationalInterval truth;
        using (EnclosureSettings.Use(512))
            truth = F(1 / (t * t) / 64);
        return Contains(enclosure, truth);
    });

    [Property(MaxTest = 60)]
    public Property MeanValueForm_ContainsTheTrueValue() => Prop.ForAll(Cases(), c =>
    {
        double lo = c.Face, hi = c.Face + c.Width, mid = lo + (hi - lo) / 2;
        var box = new RationalInterval(Exact(lo).Lower, Exact(hi).Upper);
        Dual<RationalInterval> onBox, atMid;
        using (EnclosureSettings.Use(128))
        {
            using (EnclosureSettings.UseTags([mid], [box]))
                onBox = F(Dual<RationalInterval>.Input(mid));
            using (EnclosureSettings.UseTags([mid], [Exact(mid)]))
                atMid = F(Dual<RationalInterval>.Input(mid));
        }
        double x = lo + c.T; // a point of [lo, hi] (c.T ≤ w), exact in doubles: both are multiples of 2⁻²⁰ below 1
        var enclosure = atMid.Value + onBox.Derivative(0) * (Exact(x) - Exact(mid));
        return Contains(enclosure, TrueValue(x, 1, 0));
    });
}
