using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// The LODO preconditioners (lodo.md eq. 2 and §4.1's dense G) over the whole double range (issue 15, item 1): G(θ)v
/// against the exact rational α₀·Sᵀ(B₁P₁⋯B_NP_N)ᵀ(B₁P₁⋯B_NP_N)S·v built from the model's own permutations, within the
/// normwise bound of the remarks, (2Nk + 2)u·|α₀|·∏_i (k·max|θ⁽ⁱ⁾|)²·max|v| + 2·2^-1074, and ±∞ of the right sign where the
/// exact entry is beyond ±double.MaxValue (either within the bound of the threshold).
/// </summary>
[Properties(MaxTest = 200)]
public class PreconditionerRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Gen<double[]> Entries(int count) => FullRangeDoubles.SignedOrOneScale(count);

    private static Property Agrees(double computed, Fraction exact, Fraction bound, string what)
    {
        var magnitude = Fraction.Abs(exact);
        bool beyond = magnitude - bound > ExactAgreement.OverflowThreshold, inside = magnitude + bound <= Max;
        bool overflowed = double.IsInfinity(computed) && Math.Sign(computed) == exact.Sign();
        string label = $"{what}: {computed:R} vs exact {ExactDouble.ToDouble(exact):R}";
        if (double.IsNaN(computed))
            return false.Label($"{label}: NaN");
        if (beyond)
            return overflowed.Label($"{label}: expected ±∞ (exact beyond the range)");
        if (double.IsInfinity(computed))
            return (!inside && overflowed).Label($"{label}: ∞ but the exact value is in range");
        var error = Fraction.Abs(F(computed) - exact);
        return (error <= bound).Label($"{label}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    private static Fraction[] Times(Fraction[,] m, Fraction[] x)
    {
        var r = new Fraction[m.GetLength(0)];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = Fraction.Zero;
            for (int j = 0; j < x.Length; j++)
                r[i] += m[i, j] * x[j];
        }
        return r;
    }

    /// <summary>eq. (2) G(θ)v for n ≤ 2, k ≤ 2, N ≤ 2, ñ ≤ 4 (permutations from the model's seed).</summary>
    [Property]
    public Property BlockPermutation_Apply_IsAccurateOrOverflows() => Prop.ForAll(
        (from n in Gen.Choose(1, 2)
         from k in Gen.Choose(1, 2)
         from depth in Gen.Choose(1, 2)
         from seed in Gen.Choose(0, 1000)
         from alpha in FullRangeDoubles.Signed
         let width = (n + k - 1) / k * k + k
         from theta in Entries(depth * width * k)
         from v in Entries(n)
         select (n, k, depth, seed, alpha, width, theta, v)).ToArbitrary(),
        input =>
        {
            var (n, k, depth, seed, alpha, width, theta, v) = input;
            var g = BlockPermutationPreconditioner.Random(n, k, depth, alpha, seed, width);
            double computed0, computed1 = 0;
            var result = g.Apply(Vector<double>.Build.DenseOfArray(theta), Vector<double>.Build.DenseOfArray(v));
            computed0 = result[0];
            if (n > 1)
                computed1 = result[1];
            // Exact: y = S v; for i = N..1: y = B_i P_i y; then z = G̃ᵀ y by the transposes; G v = α₀ (first n of z).
            var y = new Fraction[width];
            for (int j = 0; j < width; j++)
                y[j] = j < n ? F(v[j]) : Fraction.Zero;
            var blocks = new Fraction[depth][,];
            var perms = new Fraction[depth][,];
            Fraction normwise = Fraction.Abs(F(alpha)) * v.Select(x => Fraction.Abs(F(x))).Aggregate(Fraction.Zero, (a, b) => a > b ? a : b);
            for (int i = 0; i < depth; i++)
            {
                var b = new Fraction[width, width];
                var p = new Fraction[width, width];
                var pi = g.Permutation(i + 1);
                Fraction layerMax = Fraction.Zero;
                for (int r = 0; r < width; r++)
                    for (int c = 0; c < width; c++)
                    {
                        b[r, c] = Fraction.Zero;
                        p[r, c] = pi[r] == c ? Fraction.One : Fraction.Zero;
                        if (r / k == c / k)
                        {
                            b[r, c] = F(theta[i * width * k + (r / k) * k * k + (r % k) * k + c % k]);
                            layerMax = Fraction.Abs(b[r, c]) > layerMax ? Fraction.Abs(b[r, c]) : layerMax;
                        }
                    }
                blocks[i] = b;
                perms[i] = p;
                normwise *= k * layerMax * k * layerMax;
            }
            for (int i = depth - 1; i >= 0; i--)
                y = Times(blocks[i], Times(perms[i], y));
            for (int i = 0; i < depth; i++)
                y = Times(Transpose(perms[i]), Times(Transpose(blocks[i]), y));
            var bound = ExactDouble.ToFraction((2 * depth * k + 2) * Unit) * normwise + 2 * Smallest;
            string at = $"n = {n}, k = {k}, N = {depth}, seed = {seed}, α₀ = {alpha:R}, θ = [{string.Join(", ", theta)}], v = [{string.Join(", ", v)}]";
            var property = Agrees(computed0, F(alpha) * y[0], bound, $"(Gv)₀ at {at}");
            return n > 1 ? property.And(Agrees(computed1, F(alpha) * y[1], bound, $"(Gv)₁ at {at}")) : property;
        });

    /// <summary>§4.1's dense G = mat(θ): (Gv)_i within n·u·Σ_j|θ_ij v_j| + n·2^-1074·max|θ|·max|v| + 2·2^-1074 (its remarks), or ±∞ beyond.</summary>
    [Property]
    public Property Dense_Apply_IsAccurateOrOverflows() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from theta in Entries(n * n)
         from v in Entries(n)
         select (n, theta, v)).ToArbitrary(),
        input =>
        {
            var (n, theta, v) = input;
            var result = new DensePreconditioner(n, 1).Apply(Vector<double>.Build.DenseOfArray(theta), Vector<double>.Build.DenseOfArray(v));
            Fraction maxT = theta.Select(x => Fraction.Abs(F(x))).Max(), maxV = v.Select(x => Fraction.Abs(F(x))).Max();
            var property = true.ToProperty();
            for (int i = 0; i < n; i++)
            {
                Fraction exact = Fraction.Zero, scale = Fraction.Zero;
                for (int j = 0; j < n; j++)
                {
                    exact += F(theta[i * n + j]) * F(v[j]);
                    scale += Fraction.Abs(F(theta[i * n + j]) * F(v[j]));
                }
                var bound = ExactDouble.ToFraction(n * Unit) * scale + n * Smallest * maxT * maxV + 2 * Smallest;
                property = property.And(Agrees(result[i], exact, bound, $"(Gv)_{i} at θ = [{string.Join(", ", theta)}], v = [{string.Join(", ", v)}]"));
            }
            return property;
        });

    private static Fraction[,] Transpose(Fraction[,] m)
    {
        var t = new Fraction[m.GetLength(1), m.GetLength(0)];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++)
                t[j, i] = m[i, j];
        return t;
    }
}
