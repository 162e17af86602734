using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using static TorchSharp.torch;
using Verification.Numerics.Elmo;

namespace Verification.Tests.Properties.Numerics.Torch;

/// <summary>
/// First-order bounds on how far two results built from a symmetric eigendecomposition may differ when one side uses
/// <c>torch.linalg.eigh</c> (LAPACK) in the working precision and the other the MathNet reference in float64: the
/// tolerance of the spectral cases, k·u·cond, computed per problem from the reference eigensystem.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each solver is backward stable: it returns the exact eigensystem of H + E with ‖E‖₂ ≤ p(n)·u·‖H‖₂,
/// p(n) = <see cref="SolverRoundings"/> = 4n² (Householder tridiagonalisation: γ̃_{n²}, Higham ASNA §19.3, with its
/// small unnamed constant taken as 4; the QR / divide-and-conquer stage adds O(n)·u). Extra perturbations of H (an
/// autograd Hessian against a closed form, a Lanczos basis) add to ‖E‖ as <c>hessianPerturbation</c>.</item>
/// <item>Weyl: |Δλ_i| ≤ E = p(n)(u + u₆₄)‖H‖₂ + ‖ΔH‖₂ between the two sides.</item>
/// <item>Davis–Kahan: each eigenvector moves by sin θ ≤ E/(gap_i − E), so the two sides' (equally oriented) unit
/// eigenvectors differ by δ_i ≤ √2·E/(gap_i − E) in 2-norm, and so in every entry; a problem with gap_i ≤ 2E cannot be
/// certified and is rejected.</item>
/// <item>Projections g_i = ∇fᵀv_i: Δg_i ≤ ‖∇f‖δ_i + n(u + u₆₄)‖∇f‖ + ‖Δ∇f‖₂; the orientation of eq. (1) agrees
/// where |g_i| &gt; Δg_i (otherwise the problem is rejected).</item>
/// <item>x*_i = (S − λ)/L has |∂x*/∂λ| = x*/S and |∂x*/∂|g|| = 1/S, so |Δx*_i| ≤ (x*_i·Δλ + Δg_i)/S_i plus the
/// evaluation's own <see cref="Tolerances.Torch.Step"/>·x*_i; φ_i = 2/(λ + S) has |∂φ/∂λ| = φ/S and
/// |∂φ/∂|g|| = φ²L/(2S), plus <see cref="Tolerances.Torch.Factor"/>·φ_i.</item>
/// <item>Δθ* = Σ x*_i v_i: every entry within Σ_i(|Δx*_i| + x*_i δ_i) + 2n(u + u₆₄)Σ_i x*_i (n-term sums on both
/// sides); Φ = Σ φ_i v_i v_iᵀ: every entry within Σ_i(|Δφ_i| + 2φ_i δ_i) + 3n(u + u₆₄)Σ_i φ_i (two products).</item>
/// </list>
/// Products of two errors are dropped; <see cref="Tolerances.Torch.FirstOrderBound"/> doubles the bound to cover them.
/// </remarks>
internal sealed class SpectralBound
{
    private readonly EigenSystem reference;
    private readonly double units;

    /// <param name="reference">The reference eigensystem of the (rounded) problem.</param>
    /// <param name="gradient">∇f as the reference sees it.</param>
    /// <param name="dtype">The tensor side's working precision.</param>
    /// <param name="hessianPerturbation">‖ΔH‖₂ between the matrices the two sides decompose (0 when both get the same H).</param>
    /// <param name="gradientPerturbation">‖Δ∇f‖₂ between the gradients the two sides use.</param>
    /// <param name="solverRoundings">p(n) of the tensor side when it is not <see cref="SolverRoundings"/>.</param>
    /// <param name="certifyOrientation">Whether both sides orient v_i by eq. (1) (false where the caller aligns signs itself).</param>
    public SpectralBound(EigenSystem reference, Vector<double> gradient, ScalarType dtype,
        double hessianPerturbation = 0, double gradientPerturbation = 0, double? solverRoundings = null, bool certifyOrientation = true)
    {
        this.reference = reference;
        int n = reference.Dimension;
        units = Tolerances.Torch.Unit(dtype) + Tolerances.Torch.Float64Unit;
        Dtype = dtype;
        double norm = reference.Values.Max(Math.Abs);
        double p = solverRoundings ?? SolverRoundings(n);
        Eigenvalue = (p * Tolerances.Torch.Unit(dtype) + SolverRoundings(n) * Tolerances.Torch.Float64Unit) * norm + hessianPerturbation;
        double gradientNorm = gradient.L2Norm();
        Vector = new double[n];
        Projection = new double[n];
        for (int i = 0; i < n; i++)
        {
            double gap = double.PositiveInfinity;
            for (int j = 0; j < n; j++)
                if (j != i)
                    gap = Math.Min(gap, Math.Abs(reference.Values[j] - reference.Values[i]));
            if (!(gap > 2 * Eigenvalue))
                throw new UncertifiableCaseException($"eigenvalue {i} has gap {gap:R} ≤ 2E = {2 * Eigenvalue:R}: the eigenvectors of the two sides need not agree.");
            Vector[i] = double.IsPositiveInfinity(gap) ? 0 : Math.Sqrt(2) * Eigenvalue / (gap - Eigenvalue);
            Projection[i] = gradientNorm * Vector[i] + n * units * gradientNorm + gradientPerturbation;
            if (certifyOrientation && !(Math.Abs(reference.GradientProjections[i]) > Projection[i]))
                throw new UncertifiableCaseException($"g_{i} = {reference.GradientProjections[i]:R} is within its bound {Projection[i]:R} of 0: the orientation of eq. (1) is not certain.");
        }
    }

    /// <summary>p(n) = 4n²: the backward error of a dense symmetric eigensolver in units of u·‖H‖₂ (see remarks).</summary>
    public static double SolverRoundings(int n) => 4.0 * n * n;

    /// <summary>The tensor side's dtype.</summary>
    public ScalarType Dtype { get; }

    /// <summary>E: the bound on every |Δλ_i|.</summary>
    public double Eigenvalue { get; }

    /// <summary>δ_i: the bound on every entry of Δv_i.</summary>
    public double[] Vector { get; }

    /// <summary>Δg_i: the bound on |Δ(∇fᵀv_i)|.</summary>
    public double[] Projection { get; }

    /// <summary>The bound on every entry of Δθ* = Σ x*_i v_i, for per-eigenspace constants L_i.</summary>
    public double Step(Vector<double> lipschitz) => OverEigenspaces(lipschitz, 2, (i, lambda, a, l, s) =>
    {
        double x = ElmoStep.Step(lambda, a, l);
        return ((x * Eigenvalue + Projection[i]) / s + Tolerances.Torch.Step(Dtype) * x + x * Vector[i], x);
    });

    /// <summary>The bound on every entry of ΔΦ^ELMO.</summary>
    public double Preconditioner(Vector<double> lipschitz) => OverEigenspaces(lipschitz, 3, (i, lambda, a, l, s) =>
    {
        double phi = ElmoPreconditioner.Factor(lambda, a, l);
        return (phi * Eigenvalue / s + phi * phi * l * Projection[i] / (2 * s) + Tolerances.Torch.Factor(Dtype) * phi + 2 * phi * Vector[i], phi);
    });

    /// <summary>
    /// Σ_i of a per-eigenspace bound (<paramref name="term"/> at i, λ_i, |g_i|, L_i and S_i = √(λ_i² + 2L_i|g_i|), returning
    /// the bound and the eigenspace's value x*_i or φ_i) plus the reassembly's k·n(u + u₆₄)·Σ_i value_i, k =
    /// <paramref name="assemblyRoundings"/>: 2 for Σ x*_i v_i, 3 for Σ φ_i v_i v_iᵀ (see the remarks).
    /// </summary>
    private double OverEigenspaces(Vector<double> lipschitz, int assemblyRoundings, Func<int, double, double, double, double, (double Bound, double Value)> term)
    {
        int n = reference.Dimension;
        double bound = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double lambda = reference.Values[i], a = Math.Abs(reference.GradientProjections[i]);
            double s = Math.Sqrt(lambda * lambda + 2 * lipschitz[i] * a);
            var (b, value) = term(i, lambda, a, lipschitz[i], s);
            bound += b;
            total += value;
        }
        return bound + assemblyRoundings * n * units * total;
    }
}
