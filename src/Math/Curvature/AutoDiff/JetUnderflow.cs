namespace Verification.Numerics.Curvature.AutoDiff;

/// <summary>
/// The underflow error bounds of <see cref="HessianJet{T}"/> over doubles (issue 15, item 1, gap 5), as
/// <see cref="UnderflowError"/> states them for hyper-duals, on arrays laid out as [value, ∇_0 … ∇_{d−1}, then the packed
/// upper triangle ∇²_00, ∇²_01, …, ∇²_{d−1,d−1}] (length 1 + d + d(d+1)/2, a constant's of length 1). Each array of
/// magnitudes is the parts as doubles (their signs do not matter); each array of bounds is in units of 2^-1075.
/// </summary>
internal static class JetUnderflow
{
    /// <summary>The length of the layout for d variables (1 for a constant, d = 0).</summary>
    internal static int Length(int d) => d == 0 ? 1 : 1 + d + d * (d + 1) / 2;

    /// <summary>The bounds of a·b (its terms' <see cref="UnderflowError.Product"/>, roundings not included).</summary>
    internal static double[] Product(int d, double[] a, double[] ba, double[] b, double[] bb)
    {
        var r = new double[Length(d)];
        r[0] = UnderflowError.Product(a[0], ba[0], b[0], bb[0]);
        for (int i = 0; i < d; i++)
            r[1 + i] = UnderflowError.Product(a[0], ba[0], b[1 + i], bb[1 + i]) + UnderflowError.Product(a[1 + i], ba[1 + i], b[0], bb[0]);
        int k = 1 + d;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
                r[k] = UnderflowError.Product(a[0], ba[0], b[k], bb[k]) + UnderflowError.Product(a[k], ba[k], b[0], bb[0])
                    + UnderflowError.Product(a[1 + i], ba[1 + i], b[1 + j], bb[1 + j])
                    + UnderflowError.Product(a[1 + j], ba[1 + j], b[1 + i], bb[1 + i]);
        return r;
    }

    /// <summary>
    /// The bounds of φ(x) (roundings not included): φ(a) moves by |φ'|·b₀, φ'(a) and φ''(a) by |φ''|·b₀ and |φ'''|·b₀
    /// (first order, doubled, as in <see cref="HyperDual"/>'s chain rule); a gradient entry φ'·∇_i and a Hessian entry
    /// φ'·∇²_ij + φ''·∇_i∇_j carry <see cref="UnderflowError.ChainTerm"/> and <see cref="UnderflowError.SecondOrderTerm"/>.
    /// </summary>
    internal static double[] Chain(int d, double[] x, double[] bx, ScaledDerivative df, ScaledDerivative d2f, ScaledDerivative d3f)
    {
        var r = new double[Length(d)];
        double dfError = 2 * d2f.Magnitude(0, bx[0]), d2fError = 2 * d3f.Magnitude(0, bx[0]);
        r[0] = 2 * df.Magnitude(0, bx[0]);
        for (int i = 0; i < d; i++)
            r[1 + i] = UnderflowError.ChainTerm(df, dfError, x[1 + i], bx[1 + i]);
        int k = 1 + d;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
                r[k] = UnderflowError.ChainTerm(df, dfError, x[k], bx[k])
                    + UnderflowError.SecondOrderTerm(d2f, d2fError, x[1 + i], bx[1 + i], x[1 + j], bx[1 + j]);
        return r;
    }

    /// <summary>
    /// The magnitudes and bounds of 1/b's parts for a jet b with value b₀ ≠ 0: 1/b₀, b'_i/b₀², and b''_ij/b₀² + 2b'_ib'_j/b₀³
    /// (an upper bound on the magnitude), bounded as the unary φ = 1/x (φ' = −1/x², φ'' = 2/x³, φ''' = −6/x⁴).
    /// </summary>
    internal static (double[] Magnitudes, double[] Bounds) Reciprocal(int d, double[] b, double[] bb)
    {
        var r1 = ScaledDerivative.Reciprocal(b[0]);
        var r2 = r1.Squared();
        var twoR3 = (r2 * r1).Scale(2);
        var m = new double[Length(d)];
        m[0] = r1.Magnitude(0, 1);
        for (int i = 0; i < d; i++)
            m[1 + i] = r2.Magnitude(0, b[1 + i]);
        int k = 1 + d;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
                m[k] = r2.Magnitude(0, b[k]) + twoR3.Magnitude(0, b[1 + i], b[1 + j]);
        var bounds = Chain(d, b, bb, r2, twoR3, (r2 * r2).Scale(6));
        return (m, bounds);
    }

    /// <summary>True when every bound is 0.</summary>
    internal static bool IsZero(double[] bounds)
    {
        foreach (double b in bounds)
            if (b != 0)
                return false;
        return true;
    }

    /// <summary>Each part checked against its allowance (<see cref="UnderflowError.Require(double, double, string, string)"/>).</summary>
    internal static void Require(int d, double[] parts, double[] bounds, string parameter)
    {
        UnderflowError.Require(parts[0], bounds[0], "value", parameter);
        for (int i = 0; i < d; i++)
            if (bounds[1 + i] != 0)
                UnderflowError.Require(parts[1 + i], bounds[1 + i], $"gradient entry {i}", parameter);
        int k = 1 + d;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++, k++)
                if (bounds[k] != 0)
                    UnderflowError.Require(parts[k], bounds[k], $"Hessian entry ({i}, {j})", parameter);
    }
}
