using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// <see cref="EigenbasisObjective"/> (f in the coordinates of a basis V through θ_t, what AMOS's eigenspace assignment hands
/// its element-wise optimizers; elmo-amos eq. (3)'s curvature v_iᵀHv_i) over the whole double range: θ_t, z, ∇f and a
/// symmetric H from subnormals to near ±MaxValue and ±0 (<see cref="FullRangeDoubles.SignedOrOneScale"/>), n = 1…3, V a
/// signed permutation (exact) or a product of Givens rotations with platform cos/sin entries. The inner objective returns
/// the drawn doubles and records the point it is asked for, so each member is compared with the exact rationals of its
/// doubles within the bounds its doc comment derives (u = 2^-53, γ_m = mu/(1 − mu)): z_t within γ_n·|V|ᵀ|θ_t| + n·2^-1075,
/// the point θ_t + V(z − z_t) (θ_t bit for bit at z = z_t) within γ_{n+2}·(|θ_t| + |V||z − z_t|) + n·2^-1075, ∇f̃ within
/// γ_n·|V|ᵀ|∇f| + n·2^-1075, H̃ within γ_{2n+1}·|V|ᵀ|H||V| + (n² + n + 1)·2^-1075 and exactly symmetric. A rejection is
/// allowed only where the same magnitude, enlarged by its γ, reaches double.MaxValue.
/// </summary>
[Properties(MaxTest = 300)]
public class EigenbasisObjectiveRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction Max = F(double.MaxValue);

    private static readonly Fraction HalfSubnormal = ExactDouble.Pow2(-1075);

    /// <summary>The inner objective: the drawn value, gradient and Hessian at every θ, and the last θ asked for.</summary>
    private sealed class Given(double value, double[] gradient, double[,] hessian) : IObjective
    {
        public Vector<double>? Seen { get; private set; }
        public string Name => "given";
        public int Dimension => gradient.Length;
        public double Value(Vector<double> theta) { Seen = theta.Clone(); return value; }
        public Vector<double> Gradient(Vector<double> theta) { Seen = theta.Clone(); return Vector<double>.Build.DenseOfArray(gradient); }
        public Matrix<double> Hessian(Vector<double> theta) { Seen = theta.Clone(); return Matrix<double>.Build.DenseOfArray(hessian); }
    }

    /// <summary>A signed permutation, or Givens rotations G(i, j, t) with c = cos t, s = sin t applied to it (columns unit within a few u).</summary>
    private static Gen<double[,]> Basis(int n) =>
        from permutation in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from signs in Gen.Elements(1.0, -1.0).ArrayOf(n)
        from angles in Gen.Choose(-3141, 3141).Select(k => k / 1000.0).ArrayOf(n == 1 ? 0 : n)
        from rotate in Gen.Elements(false, true)
        select Build(n, permutation, signs, rotate ? angles : []);

    private static double[,] Build(int n, int[] permutation, double[] signs, double[] angles)
    {
        var v = Matrix<double>.Build.Dense(n, n, (i, j) => permutation[j] == i ? signs[j] : 0);
        for (int k = 0; k < angles.Length; k++)
        {
            int i = k % n, j = (k + 1) % n;
            var g = Matrix<double>.Build.DenseIdentity(n);
            g[i, i] = Math.Cos(angles[k]); g[j, j] = Math.Cos(angles[k]);
            g[i, j] = -Math.Sin(angles[k]); g[j, i] = Math.Sin(angles[k]);
            v = g * v;
        }
        return v.ToArray();
    }

    private sealed record Case(double[,] Basis, double[] Anchor, double[] Gradient, double[,] Hessian, double[]? Z)
    {
        public override string ToString()
        {
            static string Show(IEnumerable<double> x) => "(" + string.Join(", ", x.Select(v => v.ToString("R"))) + ")";
            return $"V = {Show(Basis.Cast<double>())}, θ_t = {Show(Anchor)}, ∇f = {Show(Gradient)}, H = {Show(Hessian.Cast<double>())}, z = {(Z is null ? "z_t" : Show(Z))}";
        }
    }

    private static Arbitrary<Case> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from basis in Basis(n)
         from anchor in FullRangeDoubles.SignedOrOneScale(n)
         from gradient in FullRangeDoubles.SignedOrOneScale(n)
         from upper in FullRangeDoubles.SignedOrOneScale(n * (n + 1) / 2)
         from atOrigin in Gen.Elements(false, true)
         from z in FullRangeDoubles.SignedOrOneScale(n)
         select new Case(basis, anchor, gradient, Symmetric(n, upper), atOrigin ? null : z)).ToArbitrary();

    private static double[,] Symmetric(int n, double[] upper)
    {
        var h = new double[n, n];
        int k = 0;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
                h[i, j] = h[j, i] = upper[k++];
        return h;
    }

    /// <summary>|computed − exact| ≤ bound, with a label.</summary>
    private static Property Close(double computed, Fraction exact, Fraction bound, string what) =>
        (double.IsFinite(computed) && Fraction.Abs(F(computed) - exact) <= bound)
            .Label($"{what}: computed {computed:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");

    private static bool Rejected(Action act, string parameter, out string message)
    {
        try { act(); message = ""; return false; }
        catch (ArgumentException e) when (e.ParamName == parameter && e.Message.Contains("double.MaxValue")) { message = e.Message; return true; }
    }

    [Property]
    public Property Members_AreWithinTheirBoundsOfTheExactValuesOrRejected() => Prop.ForAll(Cases, c =>
    {
        int n = c.Anchor.Length;
        string label = c.ToString();
        var v = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                v[i, j] = F(c.Basis[i, j]);
        Fraction gn = ExactAgreement.Gamma(n), tiny = n * HalfSubnormal;
        var inner = new Given(0.25, c.Gradient, c.Hessian);
        var basis = Matrix<double>.Build.DenseOfArray(c.Basis);
        var anchor = Vector<double>.Build.DenseOfArray(c.Anchor);

        // z_t = Vᵀθ_t.
        var originExact = new Fraction[n];
        var originBound = new Fraction[n];
        for (int i = 0; i < n; i++)
        {
            originExact[i] = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + v[k, i] * F(c.Anchor[k]));
            originBound[i] = gn * Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + Fraction.Abs(v[k, i]) * Fraction.Abs(F(c.Anchor[k]))) + tiny;
        }
        bool originMayOverflow = Enumerable.Range(0, n).Any(i => Fraction.Abs(originExact[i]) + originBound[i] >= Max);
        EigenbasisObjective frame = null!;
        if (Rejected(() => frame = new EigenbasisObjective(inner, basis, anchor), "anchor", out string why))
            return originMayOverflow.Label($"{label}: z_t rejected ({why})");
        var origin = frame.Origin;
        var result = true.ToProperty();
        for (int i = 0; i < n; i++)
            result = result.And(Close(origin[i], originExact[i], originBound[i], $"{label}: z_t[{i}]"));

        // The point θ_t + V(z − z_t), seen by the objective through Value.
        var z = c.Z is null ? origin : Vector<double>.Build.DenseOfArray(c.Z);
        var offset = Enumerable.Range(0, n).Select(k => F(z[k]) - F(origin[k])).ToArray();
        var pointExact = new Fraction[n];
        var pointBound = new Fraction[n];
        for (int i = 0; i < n; i++)
        {
            pointExact[i] = F(c.Anchor[i]) + Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + v[i, k] * offset[k]);
            pointBound[i] = ExactAgreement.Gamma(n + 2) * (Fraction.Abs(F(c.Anchor[i]))
                + Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + Fraction.Abs(v[i, k]) * Fraction.Abs(offset[k]))) + tiny;
        }
        bool pointMayOverflow = offset.Any(d => Fraction.Abs(d) * (1 + ExactAgreement.Gamma(1)) >= Max)
            || Enumerable.Range(0, n).Any(i => Fraction.Abs(pointExact[i]) + pointBound[i] >= Max);
        double value = 0;
        if (Rejected(() => value = frame.Value(z), "z", out why))
            return result.And(pointMayOverflow.Label($"{label}: point rejected ({why})"));
        result = result.And((value == 0.25).Label($"{label}: value {value:R}, not the objective's"));
        var seen = inner.Seen!;
        if (c.Z is null)
            result = result.And(Enumerable.Range(0, n).All(i => BitConverter.DoubleToInt64Bits(seen[i]) == BitConverter.DoubleToInt64Bits(c.Anchor[i]))
                .Label($"{label}: at z_t the point {seen} is not θ_t bit for bit"));
        else
            for (int i = 0; i < n; i++)
                result = result.And(Close(seen[i], pointExact[i], pointBound[i], $"{label}: point[{i}]"));

        // ∇f̃ = Vᵀ∇f.
        Vector<double> gradient = null!;
        var gradientExact = new Fraction[n];
        var gradientBound = new Fraction[n];
        for (int i = 0; i < n; i++)
        {
            gradientExact[i] = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + v[k, i] * F(c.Gradient[k]));
            gradientBound[i] = gn * Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + Fraction.Abs(v[k, i]) * Fraction.Abs(F(c.Gradient[k]))) + tiny;
        }
        if (Rejected(() => gradient = frame.Gradient(z), "z", out why))
            result = result.And(Enumerable.Range(0, n).Any(i => Fraction.Abs(gradientExact[i]) + gradientBound[i] >= Max)
                .Label($"{label}: gradient rejected ({why})"));
        else
            for (int i = 0; i < n; i++)
                result = result.And(Close(gradient[i], gradientExact[i], gradientBound[i], $"{label}: ∇f̃[{i}]"));

        // H̃ = VᵀHV, exactly symmetric.
        var vh = new Fraction[n, n];
        var vhAbs = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < n; l++)
            {
                vh[i, l] = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + v[k, i] * F(c.Hessian[k, l]));
                vhAbs[i, l] = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, k) => s + Fraction.Abs(v[k, i]) * Fraction.Abs(F(c.Hessian[k, l])));
            }
        Fraction g2 = ExactAgreement.Gamma(2 * n + 1), tinyH = (n * n + n + 1) * HalfSubnormal;
        var hExact = new Fraction[n, n];
        var hBound = new Fraction[n, n];
        bool hMayOverflow = vhAbs.Cast<Fraction>().Any(x => x * (1 + gn) >= Max);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                hExact[i, j] = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, l) => s + vh[i, l] * v[l, j]);
                hBound[i, j] = g2 * Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, l) => s + vhAbs[i, l] * Fraction.Abs(v[l, j])) + tinyH;
                hMayOverflow |= Fraction.Abs(hExact[i, j]) + hBound[i, j] >= Max;
            }
        Matrix<double> hessian = null!;
        if (Rejected(() => hessian = frame.Hessian(z), "z", out why))
            return result.And(hMayOverflow.Label($"{label}: Hessian rejected ({why})"));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                result = result.And(Close(hessian[i, j], hExact[i, j], hBound[i, j], $"{label}: H̃[{i}, {j}]"))
                    .And((hessian[i, j] == hessian[j, i]).Label($"{label}: H̃ not symmetric at ({i}, {j})"));
        return result;
    });

    /// <summary>
    /// H̃ = VᵀHV with V = I and H = diag(1.5e308, 1): the old symmetrization (H̃ + H̃ᵀ)·½ summed 1.5e308 + 1.5e308 = +∞
    /// before halving and gave +∞ for the exact 1.5e308 (the curvature AMOS's OPT² reads for eigenspace 0).
    /// </summary>
    [Fact]
    public void Hessian_WithAnEntryAboveHalfTheRange_IsThatEntry()
    {
        var h = new double[,] { { 1.5e308, 0 }, { 0, 1 } };
        var frame = new EigenbasisObjective(new Given(0, [0, 0], h), Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(2));
        Assert.Equal(1.5e308, frame.Hessian(frame.Origin)[0, 0]);
    }

    /// <summary>V = I, θ_t = (−1e308), z = (1e308): z − z_t = 2e308 overflows, and the point was (+∞) handed to the objective silently.</summary>
    [Fact]
    public void Value_WhereTheOffsetOverflows_IsRejectedNamingZ()
    {
        var frame = new EigenbasisObjective(new Given(0, [0], new double[,] { { 1 } }), Matrix<double>.Build.DenseIdentity(1),
            Vector<double>.Build.Dense(1, -1e308));
        ArgumentAssert.Rejects(() => frame.Value(Vector<double>.Build.Dense(1, 1e308)), "z", "within ±double.MaxValue");
    }
}
