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
    }

    /// <summary>z_t = Vᵀθ_t, the coordinates of the anchor.</summary>
    internal Vector<double> Origin { get; }

    public string Name => $"eigenbasis({objective.Name})";

    public int Dimension => objective.Dimension;

    public double Value(Vector<double> z) => objective.Value(Point(z));

    public Vector<double> Gradient(Vector<double> z) => basis.TransposeThisAndMultiply(objective.Gradient(Point(z)));

    public Matrix<double> Hessian(Vector<double> z)
    {
        var h = basis.TransposeThisAndMultiply(objective.Hessian(Point(z))) * basis;
        return (h + h.Transpose()) * 0.5; // exactly symmetric, as IObjective promises
    }

    /// <summary>θ_t + V(z − z_t); exactly θ_t at z = z_t.</summary>
    private Vector<double> Point(Vector<double> z)
    {
        Require.Finite(z, nameof(z));
        Require.SameLength(Dimension, z.Count, nameof(z));
        return z.Equals(Origin) ? anchor.Clone() : anchor + basis * (z - Origin);
    }
}
