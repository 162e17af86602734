namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// A hyper-dual number a + b·ε₁ + c·ε₂ + d·ε₁ε₂ with ε₁² = ε₂² = 0 (Fike &amp; Alonso): seeding θ_i with ε₁ and θ_j
/// with ε₂ makes the ε₁ε₂ part of g(θ) exactly ∂²g/∂θ_i∂θ_j (no step size, no truncation error), and the ε₁ part ∂g/∂θ_i.
/// For a unary function φ: φ(x) = φ(a) + φ'(a)(bε₁ + cε₂) + (φ'(a)d + φ''(a)bc)ε₁ε₂.
/// </summary>
/// <remarks>
/// Range (issue 15, item 1): every finite part. φ' and φ'' are carried as m·2^e (<see cref="ScaledDerivative"/>) so that
/// they exist where they are beyond the double range or subnormal (e^x for x &gt; 709.78, 1/x² for |x| outside
/// [2^-511, 2^511], sech²x for |x| &gt; 354), and the parts φ'·b, φ'·d + φ''·b·c, the products' a·d + b·c + … and the quotients' terms are summed with
/// one final rounding (<see cref="ScaledSum"/>) wherever a plain partial product would overflow or underflow: each part is
/// then within (k + 2)·u of its exact value for the rounded φ', φ'' (k the factors of its longest term, u = 2^-53) relative
/// to the sum of its terms' magnitudes, plus 2^-1074 where subnormal, and ±∞ only where that value is beyond
/// ±double.MaxValue; a zero seed gives a zero part (e^800·0 was NaN). Where every partial product is a normal double the
/// plain formulas run, bit for bit as before. φ' and φ'' themselves: e^x within 2u (1u of the platform exp below 709.78),
/// 1/x and −1/x² within 1u and 2u, sech²x within 6u and −2tanh x·sech²x within 9u (the old 1 − tanh²x lost
/// u·e^{2|x|}/4 relative, every digit from |x| ≈ 19 on; it is kept where tanh²x ≤ ½, where it is within 6u). The sech²
/// bounds take the platform tanh within 1 ulp, as glibc's is (measured: 5.7u at most over 200 000 arguments); a tanh within
/// only the 2 ulp its value's bound below allows would give 10u and 13u.
/// In all, for exact finite parts, each part of a result is within γ_n·Σ|terms| + 2^-1074 of its exact value (γ_n =
/// nu/(1 − nu), Σ|terms| the exact terms' magnitudes, φ' and φ'' exact), with n (value; ε₁, ε₂; ε₁ε₂) = 1 for a sum;
/// 1; 2; 4 for a product; 2; 5; 12 for a quotient; 2; 3; 5 for exp; 2; 2; 6 for log; 4; 7; 12 for tanh (the values of
/// exp, log and tanh the platform's, taken within 1, 1 and 2 ulp), never a rejection.
/// A part that has already overflowed to ±∞ (or is NaN) may enter the next operation (<see cref="PartSum"/>): a term with
/// a zero factor stays 0, a term with an infinite factor is ±∞, and infinite terms of both signs (∞ − ∞, in a part or a
/// sum) are a <see cref="DoubleRangeException"/> (were NaN). A value of 0 times an overflowed part of the other factor
/// (of a product, or of a quotient's dividend and divisor) is a <see cref="DoubleRangeException"/>: the value may have
/// underflowed (gradient of e^{cθ}·e^{−800−θ} at cθ = 700, c = 2^33: 0, exact ≈ 3.2e-34). Underflow (issue 15, item 1,
/// gap 5): every number carries, for its value and each part, a bound on the error that roundings onto the subnormal grid
/// or to 0 have put into it (<see cref="UnderflowError"/>; 0 for inputs and constants, so doubles' exact zeros and
/// underflowed ones are told apart), and an operation whose result part has a bound beyond 2^-1070 + u·|part| (unless part and bound stay in the subnormal range) is a
/// <see cref="DoubleRangeException"/>: log(2^-1074 + θ·2^-538·2^-538) at θ = 0, whose ε₁ part 2^-1076 rounded to 0 before it
/// met log' = 2^1074, gave g' = 0 (exact ¼) and is now rejected; e^{θ − 800}·2^1000 gave the value 0 (exact ≈ 3.9e-47) and is
/// rejected; e^{θ − 800}·2^20 (exact ≈ 2^-1134, also 0 in doubles) is not, since a result that rounded to 0 carries the
/// value it lost, not a whole step. Equality ignores the bounds. A quotient by
/// a value that has overflowed to ±∞ with a derivative part on either side is a <see cref="DoubleRangeException"/> (every
/// power of 1/b rounded to 0 and dropped the parts). A zero part times an overflowed
/// part, which only the ε₁ε₂ part forms (a₁b₂ + a₂b₁, φ''·b₁·b₂), is taken as exact where the zero part carries no
/// underflow bound (the direction is unseeded, as the structural zeros are: e^800 with ε₂ unseeded); where it carries one
/// the term's bound is +∞ and the part is rejected. Before the bounds such a term was lost where the zero was a nonzero
/// derivative that underflowed. It needs an ε₁ or ε₂ part beyond the range, and
/// that part reaches the result's ε₁ or ε₂ part (products, sums and quotients carry it or are rejected), so
/// <see cref="ForwardDerivatives.Hessian"/> and
/// <see cref="ForwardModeFormulas.Expand{T}"/> reject every evaluation where one is ±∞: the Hessian of
/// e^{cθ₀}·e^{kθ₁ − 1} (c = 2^33, k = 2^-1074) at cθ₀ = 700, θ₁ = 0 came out [[+∞, 0], [0, 0]], exact [[2.8e323, 1.6e-10],
/// [1.6e-10, 8.9e-344]] (the off-diagonal c·e^700·k/e is c·e^700 = ∞ times k/e rounded to 0), and that of
/// 8cθ₀·e^{kθ₁ − 1} (c = 2^1023) at θ = (2^-4, 0) the all-finite [[0, 0], [0, 0]], exact off-diagonal 8c·k/e ≈ 1.3e-15:
/// both are now a <see cref="DoubleRangeException"/>. The diagonal does not always carry the overflow: there u'' = 0. Exp and tanh of a NaN value are rejected (were NaN).
/// Out of the domain: <see cref="Log"/> of a value below 0 (or at 0 with a derivative part) and a quotient by a value of 0
/// are <see cref="ArgumentException"/>s; a NaN value is rejected by both. Undetermined in doubles, and rejected with a
/// <see cref="DoubleRangeException"/> (the input is valid, doubles cannot answer):
/// a product of values ±∞ and ±0 (either may be an overflowed or underflowed result: e^800·e^-800 gave 0, exact 1) and
/// log of an overflowed value (+∞): with a derivative part log(e^800) had ε₁ = 0 (exact 1), and without one log(e^710) was
/// +∞ (exact 710). Overflow (gap 6): a ±∞ value or part stands for an exact value beyond ±double.MaxValue whose size the
/// doubles have lost, and an operation that may bring it back within the range is a <see cref="DoubleRangeException"/>
/// (<see cref="OverflowError"/>): a product by a factor below 1 in magnitude (e^710·½ gave +∞, exact 1.1e308), a sum with a
/// term of the other sign of 2^970 or more (e^710 − 10^308 gave +∞, exact 1.2e308), a quotient of it by a divisor above 1
/// in magnitude, and a non-zero finite value over it (1/e^710 gave 0, exact 4.5e-309). What stays ±∞ is beyond the range.
/// </remarks>
public readonly record struct HyperDual(double Value, double E1, double E2, double E12) : IDualScalar<HyperDual>
{
    /// <inheritdoc />
    public static HyperDual Constant(double value) => new(value, 0, 0, 0);

    /// <summary>True where some derivative part (ε₁, ε₂ or ε₁ε₂) is nonzero: the number is not a constant.</summary>
    private bool HasDerivative => E1 != 0 || E2 != 0 || E12 != 0;

    /// <summary>The underflow error bounds of the value and parts (units of 2^-1075; 0 for an exact input, see <see cref="UnderflowError"/>).</summary>
    internal UnderflowBounds Underflow { get; private init; }

    /// <summary>A number with the underflow error bounds its parts carry (<see cref="UnderflowError"/>).</summary>
    internal HyperDual(double value, double e1, double e2, double e12, UnderflowBounds underflow) : this(value, e1, e2, e12) =>
        Underflow = underflow;

    /// <summary>Equal where the four parts are (the underflow bounds are bookkeeping, not part of the number).</summary>
    public bool Equals(HyperDual other) =>
        Value.Equals(other.Value) && E1.Equals(other.E1) && E2.Equals(other.E2) && E12.Equals(other.E12);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, E1, E2, E12);

    /// <summary>
    /// φ(x) from φ(a) and φ'(a), φ''(a) as doubles (the plain formula) or as m·2^e where those are not trusted.
    /// <paramref name="third"/> gives |φ'''(a)| (or a bound on it) for the underflow bound of φ''(a), and is called only
    /// where the value carries one; <paramref name="valueRounding"/> is <see cref="UnderflowError.Rounding"/> of φ(a).
    /// </summary>
    /// <exception cref="DoubleRangeException">A part's underflow bound exceeds its allowance (<see cref="UnderflowError"/>).</exception>
    internal static HyperDual Chain(
        HyperDual x, double f, ScaledDerivative df, ScaledDerivative d2f, Func<double, ScaledDerivative> third, double valueRounding, string parameter)
    {
        double u1 = 0, u2 = 0, u12 = 0;
        HyperDual r;
        if (PlainChain(x, f, df, d2f) is { } plain)
            r = plain;
        else
        {
            var e12 = new PartSum();
            df.AddTimes(ref e12, x.E12);
            d2f.AddTimes(ref e12, x.E1, x.E2);
            double e1 = df.Apply(x.E1, parameter), e2 = df.Apply(x.E2, parameter);
            u1 = df.ApplyRounding(e1, x.E1);
            u2 = df.ApplyRounding(e2, x.E2);
            u12 = e12.UnderflowUnits;
            r = new(f, e1, e2, e12.Rounded(parameter));
        }
        if (x.Underflow.IsZero && valueRounding == 0 && u1 == 0 && u2 == 0 && u12 == 0)
            return r;
        var d3f = x.Underflow.Value == 0 ? default : third(x.Value);
        var b = ChainBounds(x, x.Underflow, df, d2f, d3f);
        return Bounded(r, new(b.Value + valueRounding, b.E1 + u1, b.E2 + u2, b.E12 + u12), parameter);
    }

    /// <summary>
    /// The underflow bounds of φ(x) for x's parts off by <paramref name="bx"/>, roundings not included: the value's bound
    /// moves φ(a), φ'(a) and φ''(a) by |φ'|·b, |φ''|·b and |φ'''|·b (|<paramref name="d3f"/>|; first order, doubled: see
    /// <see cref="UnderflowError"/>), and each part carries its chain-rule terms.
    /// </summary>
    private static UnderflowBounds ChainBounds(HyperDual x, UnderflowBounds bx, ScaledDerivative df, ScaledDerivative d2f, ScaledDerivative d3f)
    {
        double dfError = 2 * d2f.Magnitude(0, bx.Value), d2fError = 2 * d3f.Magnitude(0, bx.Value);
        return new UnderflowBounds(
            2 * df.Magnitude(0, bx.Value),
            UnderflowError.ChainTerm(df, dfError, x.E1, bx.E1),
            UnderflowError.ChainTerm(df, dfError, x.E2, bx.E2),
            UnderflowError.ChainTerm(df, dfError, x.E12, bx.E12) + UnderflowError.SecondOrderTerm(d2f, d2fError, x.E1, bx.E1, x.E2, bx.E2));
    }

    /// <summary>φ(x) by the plain formula where φ', φ'' are normal doubles and every partial product is trusted; else null.</summary>
    private static HyperDual? PlainChain(HyperDual x, double f, ScaledDerivative df, ScaledDerivative d2f)
    {
        if (!df.IsNormal || !d2f.IsNormal)
            return null;
        double d1 = df.Value, d2 = d2f.Value;
        double e1 = d1 * x.E1, e2 = d1 * x.E2, t1 = d1 * x.E12, t2 = d2 * x.E1, t3 = t2 * x.E2;
        return Trusted(e1, d1, x.E1) && Trusted(e2, d1, x.E2) && Trusted(t1, d1, x.E12) && Trusted(t2, d2, x.E1) && Trusted(t3, t2, x.E2)
            ? new HyperDual(f, e1, e2, t1 + t3)
            : null;
    }

    /// <summary><paramref name="r"/> carrying <paramref name="bounds"/>, each part checked against its allowance.</summary>
    /// <exception cref="DoubleRangeException">A part's bound exceeds its allowance.</exception>
    private static HyperDual Bounded(HyperDual r, UnderflowBounds bounds, string parameter)
    {
        UnderflowError.Require(r, bounds, parameter);
        return new HyperDual(r.Value, r.E1, r.E2, r.E12, bounds);
    }

    /// <summary>
    /// A partial product p = a·b of finite doubles that is exactly what the plain formula needs: a normal double, or 0 from
    /// a zero factor (a ±∞ or NaN factor takes the scaled form, <see cref="PartSum"/>, where a zero seed times it is 0).
    /// </summary>
    internal static bool Trusted(double p, double a, double b) =>
        double.IsFinite(a) && double.IsFinite(b) && (a == 0 || b == 0 || double.IsFinite(p) && Math.Abs(p) >= ScaledDerivative.MinNormal);

    /// <summary>
    /// e^x. At a value of −∞, which stands for an exact value beyond −double.MaxValue (gap 6), the value 0 starts an
    /// underflow bound like any other e^x that rounded to 0 (it was taken as an exact 0, and 1/e^{−e^710} failed the
    /// divisor's domain check as an ArgumentException where the exact quotient is beyond the range).
    /// </summary>
    /// <exception cref="ArgumentException">The value is NaN (was passed through).</exception>
    public static HyperDual Exp(HyperDual x)
    {
        ElementaryDerivatives.RequireNumber("exp", x.Value, nameof(x));
        double e = Math.Exp(x.Value);
        var d = ScaledDerivative.Exp(x.Value);
        return Chain(x, e, d, d, ScaledDerivative.Exp, UnderflowError.Rounding(e, d.Magnitude(1075, 1), steps: 2), nameof(x));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The value is below 0 or NaN, or 0 with a non-zero derivative part (log has no derivative there).</exception>
    public static HyperDual Log(HyperDual x)
    {
        ElementaryDerivatives.RequireDeterminedArgument("log", x.Value, x.Underflow.Value, x.Underflow.HasPartBounds, nameof(x));
        if (!(x.Value >= 0) || x.Value == 0 && x.HasDerivative)
            throw new ArgumentException(
                $"log needs a value > 0 (or exactly 0 for a constant), got {x.Value:R} with derivative parts ({x.E1:R}, {x.E2:R}, {x.E12:R}).",
                nameof(x));
        ElementaryDerivatives.RequireLogDomain(x.Value, x.HasDerivative, nameof(x));
        double v = x.Value;
        if (v == 0) // +∞ was rejected above (its log is finite, gap 6)
            return new(Math.Log(v), 0, 0, 0);
        double inv = 1 / v, square = v * v;
        // The plain 1/x and −1/x² only where both are normal doubles: for x² in (2^1022, double.MaxValue] −1/x² is subnormal,
        // and its rounding to the subnormal grid (up to 2^-51 relative, ≈ 4u) broke the stated 2.5u (x = 0x1.ff756ac967382p+511:
        // 4.4u); there the mantissa form below (1/x within 1u, 1/x² within 2u + u²) is used.
        if (square >= ScaledDerivative.MinNormal && square <= 1 / ScaledDerivative.MinNormal && inv >= ScaledDerivative.MinNormal)
            return Chain(x, Math.Log(v), ScaledDerivative.Of(inv), ScaledDerivative.Of(-1 / square), ElementaryDerivatives.LogThird, 0, nameof(x));
        return Chain(x, Math.Log(v), ScaledDerivative.Reciprocal(v), -ScaledDerivative.InverseSquare(v), ElementaryDerivatives.LogThird, 0, nameof(x));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The value is NaN (was passed through).</exception>
    public static HyperDual Tanh(HyperDual x)
    {
        ElementaryDerivatives.RequireNumber("tanh", x.Value, nameof(x));
        var (t, first, second, rounding) = ElementaryDerivatives.Tanh(x.Value);
        return Chain(x, t, first, second, ElementaryDerivatives.TanhThird, rounding, nameof(x));
    }

    /// <summary>
    /// φ(s) = eˢ − 1 − s for |s| ≤ 0.7 with φ' = expm1(s), φ'' = eˢ (<see cref="ElementaryDerivatives.ExpRemainder"/>): the
    /// Poisson log density's −y·φ(f − ln y), whose parts do not cancel where the written y·f − eᶠ's do.
    /// </summary>
    /// <exception cref="ArgumentException">|s| &gt; 0.7 or NaN.</exception>
    public static HyperDual ExpRemainder(HyperDual x)
    {
        var (v, first, second, rounding) = ElementaryDerivatives.ExpRemainder(x.Value);
        return Chain(x, v, first, second, ScaledDerivative.Exp, rounding, nameof(x));
    }

    /// <summary>Sum (IEEE, each part one rounding).</summary>
    /// <exception cref="DoubleRangeException">A value or part is ∞ − ∞ (was NaN).</exception>
    /// <exception cref="DoubleRangeException">A part's underflow bound (the sum of the operands') exceeds its allowance (<see cref="UnderflowError"/>).</exception>
    public static HyperDual operator +(HyperDual a, HyperDual b)
    {
        var r = new HyperDual(
            ElementaryDerivatives.RequireDeterminedSum(a.Value + b.Value, a.Value, b.Value, nameof(b)),
            ElementaryDerivatives.RequireDeterminedSum(a.E1 + b.E1, a.E1, b.E1, nameof(b)),
            ElementaryDerivatives.RequireDeterminedSum(a.E2 + b.E2, a.E2, b.E2, nameof(b)),
            ElementaryDerivatives.RequireDeterminedSum(a.E12 + b.E12, a.E12, b.E12, nameof(b)));
        if (a.Underflow.IsZero && b.Underflow.IsZero)
            return r;
        // A sum that lands on the subnormal grid is exact: the bounds add.
        UnderflowBounds ba = a.Underflow, bb = b.Underflow;
        return Bounded(r, new(ba.Value + bb.Value, ba.E1 + bb.E1, ba.E2 + bb.E2, ba.E12 + bb.E12), nameof(b));
    }

    /// <summary>Difference (IEEE, each part one rounding).</summary>
    /// <exception cref="DoubleRangeException">A value or part is ∞ − ∞ (was NaN).</exception>
    public static HyperDual operator -(HyperDual a, HyperDual b) => a + -b;

    /// <summary>Negation.</summary>
    public static HyperDual operator -(HyperDual a) => new(-a.Value, -a.E1, -a.E2, -a.E12, a.Underflow);

    /// <summary>Product (each part one scaled sum where a plain partial product leaves the normal range).</summary>
    public static HyperDual operator *(HyperDual a, HyperDual b)
    {
        ElementaryDerivatives.RequireDeterminedProduct(a.Value, b.Value, nameof(b));
        RequireDeterminedPartProduct(a, b, nameof(b));
        RequireDeterminedPartProduct(b, a, nameof(b));
        if (ScaledSum.Ordinary(a.Value, a.E1, a.E2, a.E12, b.Value, b.E1, b.E2, b.E12))
            return ProductBounded(a, b, PlainProduct(a, b), 0, 0, 0, nameof(b));
        var e1 = new PartSum();
        e1.Add(a.Value, b.E1);
        e1.Add(a.E1, b.Value);
        var e2 = new PartSum();
        e2.Add(a.Value, b.E2);
        e2.Add(a.E2, b.Value);
        var e12 = new PartSum();
        e12.Add(a.Value, b.E12);
        e12.Add(a.E1, b.E2);
        e12.Add(a.E2, b.E1);
        e12.Add(a.E12, b.Value);
        return ProductBounded(a, b, new(a.Value * b.Value, e1.Rounded(nameof(b)), e2.Rounded(nameof(b)), e12.Rounded(nameof(b))),
            e1.UnderflowUnits, e2.UnderflowUnits, e12.UnderflowUnits, nameof(b));
    }

    /// <summary>
    /// The product <paramref name="r"/> of a and b with its underflow bounds: each term x·y of a part adds
    /// <see cref="UnderflowError.Product"/>; the value's rounding and the parts' (<paramref name="u1"/>, <paramref name="u2"/>,
    /// <paramref name="u12"/>: 1 where a scaled sum landed on the subnormal grid or at 0) start one.
    /// </summary>
    private static HyperDual ProductBounded(HyperDual a, HyperDual b, HyperDual r, double u1, double u2, double u12, string parameter)
    {
        double uValue = UnderflowError.ProductRounding(r.Value, a.Value, b.Value);
        if (a.Underflow.IsZero && b.Underflow.IsZero && uValue == 0 && u1 == 0 && u2 == 0 && u12 == 0)
            return r;
        var p = ProductBounds(a, a.Underflow, b, b.Underflow);
        return Bounded(r, new(p.Value + uValue, p.E1 + u1, p.E2 + u2, p.E12 + u12), parameter);
    }

    /// <summary>
    /// The underflow bounds of a·b for parts off by <paramref name="ba"/> and <paramref name="bb"/>, roundings not included:
    /// each term x·y of a part adds <see cref="UnderflowError.Product"/> (only the magnitudes of a's and b's parts matter).
    /// </summary>
    private static UnderflowBounds ProductBounds(HyperDual a, UnderflowBounds ba, HyperDual b, UnderflowBounds bb) => new(
        UnderflowError.Product(a.Value, ba.Value, b.Value, bb.Value),
        UnderflowError.Product(a.Value, ba.Value, b.E1, bb.E1) + UnderflowError.Product(a.E1, ba.E1, b.Value, bb.Value),
        UnderflowError.Product(a.Value, ba.Value, b.E2, bb.E2) + UnderflowError.Product(a.E2, ba.E2, b.Value, bb.Value),
        UnderflowError.Product(a.Value, ba.Value, b.E12, bb.E12) + UnderflowError.Product(a.E1, ba.E1, b.E2, bb.E2)
            + UnderflowError.Product(a.E2, ba.E2, b.E1, bb.E1) + UnderflowError.Product(a.E12, ba.E12, b.Value, bb.Value));

    /// <summary>
    /// Rejects a product term of a's value 0 and a part of b that has overflowed to ±∞: a value of 0 may be an underflowed
    /// result (e^-800), so the term, and with it the derivative, is undetermined in doubles. Before, PartSum took it as 0:
    /// the gradient of e^{cθ}·e^{−800−θ} at cθ = 700, c = 2^33, was 0 (the ε₁ part of e^{cθ} is c·e^700 = ∞), exact
    /// (c − 1)·e^{−100−θ} ≈ 3.2e-34. A zero part is not rejected: it is taken as an unseeded direction (see the remarks).
    /// </summary>
    private static void RequireDeterminedPartProduct(HyperDual a, HyperDual b, string parameter)
    {
        if (a.Value == 0 && (double.IsInfinity(b.E1) || double.IsInfinity(b.E2) || double.IsInfinity(b.E12)))
            throw new DoubleRangeException(
                $"a product of the value {a.Value:R} and the derivative parts ({b.E1:R}, {b.E2:R}, {b.E12:R}): ±∞·0 is undetermined in doubles (the ±∞ stands for a part beyond ±double.MaxValue, and the zero may be an underflowed result below the double range); every derivative part must be finite where the other value is 0.",
                parameter);
    }

    /// <summary>The product's formulas in plain floating point (the form before issue 15, kept for ordinary parts).</summary>
    private static HyperDual PlainProduct(HyperDual a, HyperDual b) => new(
        a.Value * b.Value, a.Value * b.E1 + a.E1 * b.Value, a.Value * b.E2 + a.E2 * b.Value,
        a.Value * b.E12 + a.E1 * b.E2 + a.E2 * b.E1 + a.E12 * b.Value);

    /// <summary>
    /// Quotient: a·(1/b) with 1/x differentiated as a unary function (1/x, −1/x², 2/x³) where every part is 0 or within
    /// [2^-100, 2^100] (bit for bit as before); otherwise each part is one scaled sum of a's parts times the powers of 1/b
    /// (x/x at x = 1e200 had derivative 1e-200, exact 0: 1/x² underflowed).
    /// </summary>
    /// <exception cref="ArgumentException">b's value is 0 or NaN; a <see cref="DoubleRangeException"/> where b's value has
    /// overflowed to ±∞ and a's value is ±∞ or a or b has a nonzero derivative part: 1/b then rounds every power of 1/b to
    /// 0, which dropped the parts (2^1023/e^θ at θ = 710 gave (0, 0, 0, 0), exact g = g' = g'' ≈ 0.40; ∞/∞ gave NaN).</exception>
    public static HyperDual operator /(HyperDual a, HyperDual b)
    {
        if (b.Value == 0 && b.Underflow.Value != 0)
            throw ElementaryDerivatives.UnderflowedDivisor(nameof(b));
        if (!(b.Value != 0) || double.IsNaN(b.Value))
            throw new ArgumentException($"the divisor's value must be a non-zero number, got {b.Value:R}.", nameof(b));
        if (double.IsInfinity(b.Value)
            && (double.IsInfinity(a.Value) || a.HasDerivative || b.HasDerivative))
            throw ElementaryDerivatives.QuotientByOverflowed(a.Value, nameof(b));
        RequireDeterminedPartProduct(a, b, nameof(b));
        OverflowError.RequireQuotient(a.Value, b.Value, nameof(b));
        if (ScaledSum.Ordinary(a.Value, a.E1, a.E2, a.E12, b.Value, b.E1, b.E2, b.E12))
        {
            double inv = 1 / b.Value;
            var plain = PlainProduct(a, new HyperDual(inv, -inv * inv * b.E1, -inv * inv * b.E2, -inv * inv * b.E12 + 2 * inv * inv * inv * b.E1 * b.E2));
            return QuotientBounded(a, b, plain, 0, 0, 0);
        }
        // q = a/b; q₁ = a₁/b − a·b₁/b²; q₁₂ = a₁₂/b − (a₁b₂ + a₂b₁ + a·b₁₂)/b² + 2a·b₁b₂/b³.
        var r1 = ScaledDerivative.Reciprocal(b.Value);
        var r2 = r1.Squared();
        var r3 = r2 * r1;
        var minusR2 = -r2;
        var q1 = new PartSum();
        r1.AddTimes(ref q1, a.E1);
        minusR2.AddTimes(ref q1, a.Value, b.E1);
        var q2 = new PartSum();
        r1.AddTimes(ref q2, a.E2);
        minusR2.AddTimes(ref q2, a.Value, b.E2);
        var q12 = new PartSum();
        r1.AddTimes(ref q12, a.E12);
        minusR2.AddTimes(ref q12, a.E1, b.E2);
        minusR2.AddTimes(ref q12, a.E2, b.E1);
        minusR2.AddTimes(ref q12, a.Value, b.E12);
        r3.Scale(2).AddTimes(ref q12, a.Value, b.E1, b.E2);
        return QuotientBounded(a, b, new(a.Value / b.Value, q1.Rounded(nameof(b)), q2.Rounded(nameof(b)), q12.Rounded(nameof(b))),
            q1.UnderflowUnits, q2.UnderflowUnits, q12.UnderflowUnits);
    }

    /// <summary>
    /// The quotient <paramref name="q"/> = a/b with its underflow bounds: those of a·(1/b), with 1/b's parts (1/b, −b₁/b²,
    /// −b₂/b², −b₁₂/b² + 2b₁b₂/b³) bounded as a unary φ = 1/x of b (φ' = −1/x², φ'' = 2/x³, φ''' = −6/x⁴) and their
    /// magnitudes taken from the exact powers (+∞ beyond the range, which only makes the check more conservative).
    /// </summary>
    private static HyperDual QuotientBounded(HyperDual a, HyperDual b, HyperDual q, double u1, double u2, double u12)
    {
        double uValue = UnderflowError.QuotientRounding(q.Value, a.Value, b.Value);
        if (a.Underflow.IsZero && b.Underflow.IsZero && uValue == 0 && u1 == 0 && u2 == 0 && u12 == 0)
            return q;
        var r1 = ScaledDerivative.Reciprocal(b.Value);
        var r2 = r1.Squared();
        var twoR3 = (r2 * r1).Scale(2);
        var inverse = new HyperDual(r1.Magnitude(0, 1), r2.Magnitude(0, b.E1), r2.Magnitude(0, b.E2),
            r2.Magnitude(0, b.E12) + twoR3.Magnitude(0, b.E1, b.E2));
        var inverseBounds = ChainBounds(b, b.Underflow, r2, twoR3, (r2 * r2).Scale(6));
        var p = ProductBounds(a, a.Underflow, inverse, inverseBounds);
        return Bounded(q, new(p.Value + uValue, p.E1 + u1, p.E2 + u2, p.E12 + u12), nameof(b));
    }
}
