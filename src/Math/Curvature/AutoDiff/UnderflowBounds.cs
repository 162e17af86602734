namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// Bounds on the absolute error that underflow has put into the value and the three parts of a forward-mode number over
/// doubles, in units of 2^-1075 (half the subnormal step, the most one rounding onto the subnormal grid or to 0 costs).
/// Doubles alone cannot tell a part that underflowed to 0 from an exact 0; this bound can. An exact input carries 0; see
/// <see cref="UnderflowError"/> for how the bounds grow and when a part is rejected (issue 15, item 1, gap 5).
/// </summary>
internal readonly record struct UnderflowBounds(double Value, double E1, double E2, double E12)
{
    /// <summary>No underflow error anywhere (every input, constant and unseeded part).</summary>
    internal static UnderflowBounds Zero => default;

    /// <summary>True when every bound is 0 (the common case, which skips the bounds' arithmetic).</summary>
    internal bool IsZero => Value == 0 && E1 == 0 && E2 == 0 && E12 == 0;

    /// <summary>True when a derivative part (ε₁, ε₂ or ε₁ε₂) carries a bound.</summary>
    internal bool HasPartBounds => E1 != 0 || E2 != 0 || E12 != 0;
}

/// <summary>
/// The arithmetic of underflow error bounds (units of 2^-1075) for the forward-mode types over doubles (issue 15, item 1,
/// gap 5: log(2^-1074 + θ·2^-538·2^-538) at θ = 0 gave g' = 0, exact ¼, the ε₁ part 2^-1076 having rounded to 0 before
/// it met log' = 2^1074).
/// </summary>
/// <remarks>
/// A bound starts where a result is rounded onto the subnormal grid or to 0 from an exact value that is not 0, with the
/// rounding's error (<see cref="Rounding"/>: at most 1 unit, 2 for the platform exp's and MathNet's erf's values); sums of doubles that land on the subnormal grid are exact, and the plain formulas' partial
/// products are normal doubles or have a zero factor, so only the scaled sums' final roundings, the values' products and
/// quotients and the elementary functions' values start one. A product term x·y carries |y|·b_x + |x|·b_y + b_x·b_y·2^-1075
/// (<see cref="Product"/>), a sum the sum of its terms' bounds, and a unary φ the terms of its chain rule with φ', φ'' and
/// φ''' bounding what the value's own bound does to φ(a), φ'(a) and φ''(a) (first order, doubled: wherever the value
/// passes its own check below, the remainder is far below that). The relative roundings of normal results are not in
/// the bound: they are the documented relative accuracy of each operation. A part whose bound exceeds
/// 2^-1070 + u·|part| (32 units plus one rounding's worth of the part, u = 2^-53) is rejected with a
/// <see cref="DoubleRangeException"/> (<see cref="Require(double, double, string, string)"/>): underflow has then cost it
/// more than sixteen steps of the subnormal grid and more than a rounding, which happens only where an underflowed part
/// meets a large factor. Except where the part and its bound together stay below 2^-1022: the exact part is then itself in
/// the subnormal range, where the format has fewer than 53 bits and the forward-mode types promise absolute accuracy only,
/// and the error, however large relative to the part, is an error within that range. Without the exception the bounds'
/// slack (they add errors that are in fact correlated) rejected catalog inputs: through tanh a = 2e^{2a}/(1 + e^{2a}) − 1
/// at a subnormal a (an input x = 1e-323 times a weight) a zero Hessian entry carried 105 units where its error is about
/// 17, and the exact route then took minutes on rational intervals of e^{2a}. The bounds
/// are computed in round to nearest (relative errors of a few u, immaterial against that threshold); a bound that is not 0
/// never rounds to 0 (it is kept at least 2^-1074 units), and a bound that overflows to +∞ fails the check on every finite
/// part, so both ends of the bounds' own range err on the side of rejection. A ±∞ part passes: it has overflowed, and its
/// bound means nothing there. The public constructors make numbers without bounds (exact inputs): a number rebuilt from
/// another's parts by hand loses them.
/// </remarks>
internal static class UnderflowError
{
    /// <summary>The absolute part of the allowance, 32 units = 2^-1070.</summary>
    internal const double AbsoluteAllowance = 32;

    /// <summary>2^-1075 as a scaling exponent (a product of two bounds in units is one bound times 2^-1075).</summary>
    private const int UnitExponent = -1075;

    /// <summary>2^-1022, the bottom of the normal range, in units of 2^-1075: 2^53.</summary>
    private const double SubnormalRangeUnits = 9007199254740992;

    /// <summary>u·|part| in units of 2^-1075 is |part|·2^1022.</summary>
    private const int RelativeAllowanceExponent = 1022;

    /// <summary>
    /// |m|·b: 0 where b is 0 (an exact factor times anything, an overflowed one included, adds no error) or m is 0 (an exact
    /// zero factor: the term is 0 whatever the error of the other), +∞ where m is NaN, and at least 2^-1074 where the
    /// product underflows (a bound that is not 0 stays so).
    /// </summary>
    internal static double Times(double magnitude, double bound) =>
        bound == 0 || magnitude == 0 ? 0 : double.IsNaN(magnitude) ? double.PositiveInfinity : Floor(Math.Abs(magnitude) * bound);

    /// <summary>The bound of a product x·y of two factors with bounds b_x, b_y: |y|·b_x + |x|·b_y + b_x·b_y·2^-1075.</summary>
    internal static double Product(double x, double bx, double y, double by)
    {
        if (bx == 0 && by == 0)
            return 0;
        return Times(y, bx) + Times(x, by) + Cross(bx, by);
    }

    /// <summary>A bound computed from non-zero quantities, kept at least 2^-1074 units where it underflowed to 0.</summary>
    internal static double Floor(double bound) => bound == 0 ? double.Epsilon : bound;

    /// <summary>1 + 2^-40: the factor on a computed magnitude of an exact value (a few roundings, far below 2^-40) that makes it an upper bound.</summary>
    private const double Slack = 1 + 1.0 / (1L << 40);

    /// <summary>
    /// The error the rounding of a result onto the subnormal grid or to 0 may have made, in units of 2^-1075: 0 where
    /// <paramref name="result"/> is normal, ±∞ or NaN or the exact value is 0, else min(1, |exact|) (half the subnormal
    /// step, or the exact value itself where it rounded to 0: e^-800 rounds to 0 with an error of 2^-79 units, not 1), from
    /// <paramref name="exactUnits"/>, the exact value's magnitude in units as computed (made an upper bound by
    /// <see cref="Slack"/>; NaN or +∞ counts as unknown, 1).
    /// </summary>
    /// <remarks>
    /// <paramref name="exactIsNonZero"/> false means the rounding was exact (a zero residual, an exact zero): no bound. A
    /// non-zero exact value whose computed magnitude underflowed (e^-1525·2^1075) still starts 2^-1074 units.
    /// <paramref name="steps"/> is the most the rounding can cost in units: 1 for a correctly rounded result, 2 for a
    /// function within 1 ulp (the platform exp, MathNet's erf, which is up to 0.99999 of a step off on the subnormal grid).
    /// </remarks>
    internal static double Rounding(double result, double exactUnits, bool exactIsNonZero = true, double steps = 1)
    {
        if (!(Math.Abs(result) < ScaledDerivative.MinNormal) || !exactIsNonZero)
            return 0;
        double bound = Floor(exactUnits * Slack);
        return bound < steps ? bound : steps;
    }

    /// <summary>|x| in units of 2^-1075 (exact scaling).</summary>
    internal static double Units(double x) => Math.ScaleB(Math.Abs(x), -UnitExponent);

    /// <summary><see cref="Rounding"/> of a product <paramref name="result"/> = fl(a·b) of finite doubles (0 where a factor is 0 or not finite).</summary>
    internal static double ProductRounding(double result, double a, double b) => ScaledProductRounding(result, a, 0, b);

    /// <summary>
    /// <see cref="Rounding"/> of <paramref name="result"/> = fl(m·2^e·x) for finite m, x: the rounding's actual error, from
    /// the residual m'x' − r' of the mantissas m', x' ∈ [1, 2) and the result scaled by the same power of two, which one
    /// fused multiply-add gives within u (every scaling is exact, and a non-zero residual is a normal double). So a product
    /// that lands exactly on the subnormal grid (2^-1070·1) starts no bound.
    /// </summary>
    internal static double ScaledProductRounding(double result, double m, int e, double x)
    {
        if (Math.Abs(result) >= ScaledDerivative.MinNormal || m == 0 || x == 0 || !double.IsFinite(m) || !double.IsFinite(x))
            return 0;
        int km = Math.ILogB(m), kx = Math.ILogB(x);
        long scale = (long)e + km + kx;
        if (scale < -3000)
            return Rounding(result, 0); // |exact| < 4·2^scale, far below 2^-1074 units: the floor
        double residual = Math.FusedMultiplyAdd(Math.ScaleB(m, -km), Math.ScaleB(x, -kx), -Math.ScaleB(result, (int)-scale));
        return Rounding(result, Math.ScaleB(Math.Abs(residual), (int)scale - UnitExponent), residual != 0);
    }

    /// <summary><see cref="Rounding"/> of a quotient <paramref name="result"/> = fl(a/b) (0 where a is 0 or either is not finite, or b is 0).</summary>
    internal static double QuotientRounding(double result, double a, double b)
    {
        if (Math.Abs(result) >= ScaledDerivative.MinNormal || a == 0 || b == 0 || !double.IsFinite(a) || !double.IsFinite(b))
            return 0;
        int kb = Math.ILogB(b);
        double bm = Math.Abs(Math.ScaleB(b, -kb));
        if (result == 0)
            // |a/b| < 2^-1075 here, so |a|·2^(1075 − kb) with 2^kb ≤ |b| stays below 2: no overflow.
            return Rounding(result, Math.ScaleB(Math.Abs(a), -UnitExponent - kb) / bm);
        // The residual a − q·b scaled by 2^-(kq + kb), within u by one fused multiply-add; the error of q is it over b.
        int kq = Math.ILogB(result);
        double residual = Math.FusedMultiplyAdd(-Math.ScaleB(result, -kq), Math.ScaleB(b, -kb), Math.ScaleB(a, -(kq + kb)));
        return Rounding(result, Math.ScaleB(Math.Abs(residual) / bm, kq - UnitExponent), residual != 0);
    }

    /// <summary>Two bounds in units of 2^-1075 multiplied (their product times 2^-1075; at least 2^-1074 where both are non-zero).</summary>
    internal static double Cross(double a, double b) => a == 0 || b == 0 ? 0 : Floor(Math.ScaleB(a * b, UnitExponent));

    /// <summary>
    /// The underflow bound of φ'·p where φ' is off by <paramref name="dfError"/> (units) and p by <paramref name="bound"/>:
    /// |φ'|·b_p + |p|·e + e·b_p·2^-1075.
    /// </summary>
    internal static double ChainTerm(ScaledDerivative df, double dfError, double p, double bound) =>
        df.Magnitude(0, bound) + Times(p, dfError) + Cross(dfError, bound);

    /// <summary>
    /// The underflow bound of φ''·x·y where φ'' is off by <paramref name="d2fError"/> and x, y by their bounds:
    /// |φ''|·b_xy + |x||y|·e + e·b_xy·2^-1075 with b_xy the bound of x·y (<see cref="Product"/>).
    /// </summary>
    internal static double SecondOrderTerm(ScaledDerivative d2f, double d2fError, double x, double bx, double y, double by)
    {
        double product = Product(x, bx, y, by);
        return d2f.Magnitude(0, product) + Times(y, Times(x, d2fError)) + Cross(d2fError, product);
    }

    /// <summary>
    /// True when <paramref name="bound"/> is within 2^-1070 + u·|part|, or the part and its bound together stay below
    /// 2^-1022 (the exact part is in the subnormal range; see the remarks). A NaN bound is not.
    /// </summary>
    internal static bool Within(double part, double bound) =>
        double.IsInfinity(part)
        || double.IsFinite(bound) && (bound <= AbsoluteAllowance + Math.ScaleB(Math.Abs(part), RelativeAllowanceExponent)
            || Math.ScaleB(Math.Abs(part), -UnitExponent) + bound < SubnormalRangeUnits);

    /// <summary>
    /// Rejects <paramref name="part"/> where its underflow bound exceeds 2^-1070 + u·|part| (see the remarks): a
    /// <see cref="DoubleRangeException"/> naming <paramref name="parameter"/>, the part and the bound.
    /// </summary>
    internal static void Require(double part, double bound, string what, string parameter)
    {
        if (bound == 0 || Within(part, bound))
            return;
        throw new DoubleRangeException(
            $"the {what} came out {part:R}, but an earlier underflow may have put an error of up to {Show(bound)} into it, beyond 2^-1070 + 2^-53·|{what}| and reaching the normal range: a part that underflowed (to 0 or onto the subnormal grid) met a factor large enough to make that rounding matter, so the exact {what} is undetermined in doubles. Every part must stay within the normal range where it is multiplied by a large factor.",
            parameter);
    }

    /// <summary>A bound in units of 2^-1075 as an absolute error for messages.</summary>
    private static string Show(double bound) =>
        double.IsPositiveInfinity(bound) ? "+∞ (beyond the double range)" : bound >= 1e-300 && bound < 1e300 ? $"{bound:G6}·2^-1075" : $"{bound:R}·2^-1075";

    /// <summary>Each of <paramref name="parts"/>' bounds checked (value, ε₁, ε₂, ε₁ε₂).</summary>
    internal static void Require(HyperDual parts, UnderflowBounds bounds, string parameter)
    {
        Require(parts.Value, bounds.Value, "value", parameter);
        Require(parts.E1, bounds.E1, "ε₁ part", parameter);
        Require(parts.E2, bounds.E2, "ε₂ part", parameter);
        Require(parts.E12, bounds.E12, "ε₁ε₂ part", parameter);
    }
}
