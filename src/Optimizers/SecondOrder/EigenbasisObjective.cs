using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;

namespace Verification.Optimizers.SecondOrder;

/// <summary>
/// f in the coordinates of an orthonormal basis V through θ_t: f̃(z) = f(θ_t + V(z − z_t)) with z_t = Vᵀθ_t, so that
/// ∇f̃(z) = Vᵀ∇f and H̃(z) = VᵀH V, whose diagonal is v_iᵀH v_i, the curvature eq. (3) of elmo-amos gives eigenspace i.
/// At z = z_t the oracle is queried exactly at θ_t (no rounding of V·Vᵀθ_t). AMOS's eigenspace assignment
/// (<see cref="AmosCurvatureBasis.HessianEigenspaces"/>) hands this to its element-wise optimizers.
/// </summary>
internal sealed class EigenbasisObjective : IObjective
{
    private readonly IObjective objective;
    private readonly Matrix<double> basis;
    private readonly Vector<double> anchor;

    /// <summary>The view of <paramref name="objective"/> in the columns of <paramref name="basis"/> (orthonormal), anchored at θ_t.</summary>
    internal EigenbasisObjective(IObjective objective, Matrix<double> basis, Vector<double> anchor)
    {
        this.objective = objective;
        this.basis = basis;
        this.anchor = anchor.Clone();
        Origin = basis.TransposeThisAndMultiply(anchor);
        if (!Origin.All(double.IsFinite))
            throw new ArgumentException(
                $"z_t = Vᵀθ_t has an entry beyond the double range ({Require.ShowAll(Origin)}); the frame needs every entry within ±double.MaxValue.",
                nameof(anchor));
    }

    /// <summary>
    /// z_t = Vᵀθ_t, the coordinates of the anchor: each entry within γ_n·(|V|ᵀ|θ_t|)_i + n·2^-1075 of the exact value of
    /// the doubles (one matrix–vector product); the constructor rejects an entry beyond ±double.MaxValue naming anchor.
    /// </summary>
    internal Vector<double> Origin { get; }

    public string Name => $"eigenbasis({objective.Name})";

    public int Dimension => objective.Dimension;

    /// <summary>f̃(z) = f(θ_t + V(z − z_t)): the objective's own value at <see cref="Point"/>'s point, nothing added.</summary>
    public double Value(Vector<double> z) => objective.Value(Point(z));

    /// <summary>
    /// ∇f̃(z) = Vᵀ∇f(θ): one matrix–vector product of the objective's gradient, so each entry is within
    /// γ_n·(|V|ᵀ|∇f|)_i + n·2^-1075 of the exact Vᵀ∇f of those doubles (γ_n = nu/(1 − nu), u = 2^-53: n products and
    /// n − 1 sums; each product's underflow adds at most 2^-1075). Rejected naming z where an entry is beyond the range.
    /// </summary>
    public Vector<double> Gradient(Vector<double> z)
    {
        var g = basis.TransposeThisAndMultiply(objective.Gradient(Point(z)));
        if (!g.All(double.IsFinite))
            throw new ArgumentException(
                $"Vᵀ∇f(θ_t + V(z − z_t)) has an entry beyond the double range ({Require.ShowAll(g)}); the eigenbasis gradient needs every entry within ±double.MaxValue.",
                nameof(z));
        return g;
    }

    /// <summary>
    /// H̃(z) = VᵀH(θ)V, made exactly symmetric by averaging each entry with its transpose. Accuracy (H symmetric, as
    /// IObjective promises): each entry within γ_{2n+1}·(|V|ᵀ|H||V|)_ij + (n² + n + 1)·2^-1075 of the exact VᵀHV of the
    /// doubles (two products, γ_n each with the first's error carried through |V|, and the average's one rounding; every
    /// product's underflow at most 2^-1075, carried through at most n unit-column entries of V). The average of a pair
    /// whose sum overflows is taken as h_ij/2 + h_ji/2 (exact halvings), so it is ±∞ only where the entries are; an entry
    /// that is not finite (some (|V|ᵀ|H|)_ij or the result beyond ±double.MaxValue) is rejected naming z.
    /// </summary>
    public Matrix<double> Hessian(Vector<double> z)
    {
        var h = basis.TransposeThisAndMultiply(objective.Hessian(Point(z))) * basis;
        int n = h.RowCount;
        var symmetric = Matrix<double>.Build.Dense(n, n, (i, j) => Average(h[i, j], h[j, i]));
        if (!symmetric.Enumerate().All(double.IsFinite))
            throw new ArgumentException(
                "VᵀH(θ_t + V(z − z_t))V has an entry beyond the double range; the eigenbasis Hessian needs every entry, and every entry of VᵀH, within ±double.MaxValue.",
                nameof(z));
        return symmetric;
    }

    /// <summary>(a + b)/2, bit for bit (a + b)·0.5 where the sum is finite; a/2 + b/2 where it overflows (halving such entries is exact).</summary>
    private static double Average(double a, double b)
    {
        double sum = a + b;
        return double.IsInfinity(sum) && double.IsFinite(a) && double.IsFinite(b) ? a / 2 + b / 2 : sum * 0.5;
    }

    /// <summary>
    /// θ_t + V(z − z_t); exactly θ_t at z = z_t, elsewhere within γ_{n+2}·(|θ_t| + |V||z − z_t|) + n·2^-1075 of the exact
    /// point of the doubles z, z_t and V. Rejected naming z where z − z_t, V(z − z_t) or the point is beyond the double range.
    /// </summary>
    private Vector<double> Point(Vector<double> z)
    {
        Require.Finite(z, nameof(z));
        Require.SameLength(Dimension, z.Count, nameof(z));
        if (z.Equals(Origin))
            return anchor.Clone();
        var offset = z - Origin;
        var point = offset.All(double.IsFinite) ? anchor + basis * offset : offset;
        if (!point.All(double.IsFinite))
            throw new ArgumentException(
                $"θ_t + V(z − z_t) is beyond the double range for z = ({Require.ShowAll(z)}); the frame needs z − z_t, V(z − z_t) and the point within ±double.MaxValue.",
                nameof(z));
        return point;
    }
}
