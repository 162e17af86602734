using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics.Curvature.Likelihoods;

/// <summary>
/// A vector carried as g_m = M_m·2^(E_m) (issue 15, item 1), for the entries that fall below 2^-1022 where the curvature
/// matrices built from them do not: ∇_f log p (Gaussian σ² = 1.7e271, y − f = 1e-57 and x = 1.3e191 give the score
/// s = 8e-138, which came out 0 from the double gradient), the expectation rule's weights and, row by row, ∇²_f log p
/// (<see cref="ScaledMatrix"/>). The mantissas are finite doubles, near 1 in the likelihoods' scaled forms and the values
/// themselves with exponents 0 from <see cref="Of(Vector{double})"/>.
/// </summary>
internal sealed record ScaledVector(double[] Mantissas, int[] Exponents)
{
    /// <summary>M, the number of entries.</summary>
    public int Count => Mantissas.Length;

    /// <summary>g_m rounded once to a double (0 below the subnormal range, ±∞ beyond double.MaxValue).</summary>
    public double Rounded(int m) => Math.ScaleB(Mantissas[m], Math.Clamp(Exponents[m], -3000, 3000));

    /// <summary>True when every exponent is 0: g is the double gradient itself (<see cref="Of(Vector{double})"/>).</summary>
    public bool IsPlain => Exponents.All(e => e == 0);

    /// <summary>True when some nonzero g_m is below 2^-1022, where its double loses digits or is 0.</summary>
    public bool AnyBelowNormal => Enumerable.Range(0, Count).Any(m => Mantissas[m] != 0 && (long)Math.ILogB(Mantissas[m]) + Exponents[m] < -1022);

    /// <summary>True when some g_m is beyond ±double.MaxValue (then the likelihood's own rejection applies).</summary>
    public bool AnyBeyondRange => Enumerable.Range(0, Count).Any(m => Mantissas[m] != 0 && (long)Math.ILogB(Mantissas[m]) + Exponents[m] > 1023);

    /// <summary>g itself (every entry with exponent 0).</summary>
    public static ScaledVector Of(Vector<double> g) => new(g.ToArray(), new int[g.Count]);

    /// <summary>The values themselves (every entry with exponent 0), e.g. an <see cref="ExpectationRule"/>'s double weights.</summary>
    public static ScaledVector Of(IReadOnlyList<double> values) => new(values.ToArray(), new int[values.Count]);

    /// <summary>
    /// ∇_f log p(y|f) carried as M·2^E where an entry falls below 2^-1022 (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>),
    /// else null (then the likelihood's double gradient serves, bit for bit as before; likelihoods outside LikelihoodBase
    /// have no scaled form).
    /// </summary>
    public static ScaledVector? WhereNeeded(ILikelihood likelihood, double y, Vector<double> f) =>
        (likelihood as LikelihoodBase)?.GradientScaledWhereNeeded(y, f);

    /// <summary><see cref="WhereNeeded"/>, or the likelihood's double gradient with exponents 0.</summary>
    public static ScaledVector Of(ILikelihood likelihood, double y, Vector<double> f) =>
        WhereNeeded(likelihood, y, f) ?? Of(likelihood.Gradient(y, f));

    /// <summary>a/b as (M, E), the quotient of the two mantissas rounded once: correctly rounded, at every magnitude.</summary>
    public static (double Mantissa, int Exponent) Quotient(double a, double b)
    {
        if (a == 0)
            return (a / b, 0);
        int ka = Math.ILogB(a), kb = Math.ILogB(b);
        return (Math.ScaleB(a, -ka) / Math.ScaleB(b, -kb), ka - kb);
    }
}
