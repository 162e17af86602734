using System.Globalization;
using Verification.Engine;
using Verification.Numerics.Arithmetic;

namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>
/// A quasi-Newton step in the Hessian's eigenbasis (elmo/eq-12): H = diag(λ) so v_i = e_i exactly (the general case is a
/// rotation of this one), gradient ∇f, preconditioner Φ = BBᵀ ⪰ 0 (B row-major, n×n), step size α, the eigenspace index
/// i (λ_i &gt; 0 and ∇f_i &lt; 0 by eq. 1) and its L.
/// </summary>
internal sealed record PreconditionedStep(double[] Lambdas, double[] Gradient, double[] B, double Alpha, double Lipschitz, int Index)
{
    /// <summary>The dimension n.</summary>
    internal int N => Lambdas.Length;

    /// <summary>The inputs as named round-trip values.</summary>
    internal IReadOnlyList<NamedValue> Describe() =>
    [
        NamedValue.Of("lambda", Lambdas), NamedValue.Of("gradient", Gradient), NamedValue.Of("B (Φ = BBᵀ, row-major)", B),
        NamedValue.Of("alpha", Alpha), NamedValue.Of("lipschitz", Lipschitz), NamedValue.Text("i", Index.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Every real coordinate: λ, ∇f, B, α, L (for shrinking).</summary>
    internal double[] Coordinates() => [.. Lambdas, .. Gradient, .. B, Alpha, Lipschitz];

    /// <summary>
    /// The step with its coordinates replaced (the inverse of <see cref="Coordinates"/>); an ArgumentException when it
    /// leaves the domain (λ_i ≤ 0, ∇f_i ≥ 0, α ≤ 0, L ≤ 0, a non-finite value).
    /// </summary>
    internal PreconditionedStep With(double[] x)
    {
        int n = N;
        var s = new PreconditionedStep(x[..n], x[n..(2 * n)], x[(2 * n)..(2 * n + n * n)], x[^2], x[^1], Index);
        if (x.Any(v => !double.IsFinite(v)) || !(s.Lambdas[Index] > 0) || !(s.Gradient[Index] < 0) || !(s.Alpha > 0) || !(s.Lipschitz > 0))
            throw new ArgumentException("need finite values, λ_i > 0, ∇f_i < 0, α > 0 and L > 0.", nameof(x));
        return s;
    }

    /// <summary>The inputs in arithmetic T, each read once with T.Input.</summary>
    internal Read<T> ReadAs<T>() where T : IReal<T> => new(
        [.. Lambdas.Select(x => T.Input(x))], [.. Gradient.Select(x => T.Input(x))], [.. B.Select(x => T.Input(x))], T.Input(Alpha), T.Input(Lipschitz), Index);

    /// <summary>The inputs of a <see cref="PreconditionedStep"/> in arithmetic T.</summary>
    internal readonly record struct Read<T>(T[] Lambdas, T[] Gradient, T[] B, T Alpha, T Lipschitz, int Index) where T : IReal<T>
    {
        private int N => Lambdas.Length;

        /// <summary>λ_i.</summary>
        internal T Lambda => Lambdas[Index];

        /// <summary>∇f_i = ∇fᵀv_i (&lt; 0 by eq. 1).</summary>
        internal T G => Gradient[Index];

        /// <summary>(Φ∇f)_i = Σ_k Φ_ik ∇f_k with Φ_ik = Σ_j B_ij B_kj.</summary>
        internal T PhiGradient()
        {
            T sum = T.Of(0);
            for (int k = 0; k < N; k++)
                sum += Phi(Index, k) * Gradient[k];
            return sum;
        }

        /// <summary>Σ_k Σ_j |B_ij||B_kj||∇f_k|: the size of the terms of (Φ∇f)_i (a cancellation-aware margin scale).</summary>
        internal T PhiGradientTerms()
        {
            T sum = T.Of(0);
            for (int k = 0; k < N; k++)
                for (int j = 0; j < N; j++)
                    sum += T.Abs(B[Index * N + j]) * T.Abs(B[k * N + j]) * T.Abs(Gradient[k]);
            return sum;
        }

        private T Phi(int r, int c)
        {
            T sum = T.Of(0);
            for (int j = 0; j < N; j++)
                sum += B[r * N + j] * B[c * N + j];
            return sum;
        }
    }
}
