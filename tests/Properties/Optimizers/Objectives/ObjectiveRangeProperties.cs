using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// The polynomial objectives (cubic and cosine–quadratic terms, quadratic, cubic-perturbed quadratic, scaled Rosenbrock,
/// separable sums) over the whole double range (issue 15, item 1): against the exact rational of each formula at the
/// double inputs, within the k·u·(Σ|terms|) + 2·2^-1074 their doc comments state, and ±∞ of the right sign exactly where the
/// exact value is beyond ±double.MaxValue (IEEE overflow; a band of the error bound around it may go either way).
/// </summary>
[Properties(MaxTest = 300)]
public class ObjectiveRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Full-range doubles, and 1 in 3 from −2^±100 … 2^±100 so that products of three stay in range often.</summary>
    private static Gen<double> Scalar { get; } = Gen.Frequency(
        (2, FullRangeDoubles.Signed),
        (1, from m in FullRangeDoubles.Moderate from k in Gen.Choose(-100, 100) from s in Gen.Elements(1.0, -1.0) select s * Math.ScaleB(m, k)));

    /// <summary>An exact entry of a result, the sum of its terms' magnitudes, and the stated bound's factor k (k·u·scale).</summary>
    private readonly record struct Entry(Fraction Exact, Fraction Scale, double Units);

    /// <summary>
    /// Exact ½θᵀAθ and the rows of Aθ, each with the sum of its terms' magnitudes (the scale its bound is relative to): the
    /// quadratic part every objective here shares.
    /// </summary>
    private static (Fraction Value, Fraction Scale, Fraction[] Rows, Fraction[] RowScales) QuadraticForm(Matrix<double> a, double[] theta)
    {
        int n = theta.Length;
        Fraction value = Fraction.Zero, scale = Fraction.Zero;
        var rows = new Fraction[n];
        var rowScales = new Fraction[n];
        for (int i = 0; i < n; i++)
        {
            Fraction row = Fraction.Zero, rowScale = Fraction.Zero;
            for (int j = 0; j < n; j++)
            {
                var p = F(a[i, j]) * F(theta[j]);
                row += p;
                rowScale += Fraction.Abs(p);
                value += F(theta[i]) * p / 2;
                scale += Fraction.Abs(F(theta[i]) * p / 2);
            }
            rows[i] = row;
            rowScales[i] = rowScale;
        }
        return (value, scale, rows, rowScales);
    }

    /// <summary>
    /// computed within units·u·scale + 2·2^-1074 of exact where |exact| + that bound is ≤ MaxValue; ±∞ of exact's sign
    /// where |exact| − bound is beyond MaxValue + ½ulp (IEEE overflow); either in between. Never NaN, never an exception.
    /// </summary>
    private static Property Checked(Func<double> compute, Fraction exact, Fraction scale, double units, string what) =>
        CheckedAll(() => [compute()], [new Entry(exact, scale, units)], what);

    /// <summary><see cref="Checked"/> for every entry of a vector or matrix result (row order).</summary>
    private static Property CheckedAll(Func<double[]> compute, Entry[] entries, string what)
    {
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            return false.Label($"{what}: rejected ({ex.Message}) although every input is finite");
        }
        var property = true.ToProperty();
        for (int i = 0; i < entries.Length; i++)
        {
            var (exact, scale, units) = entries[i];
            var bound = ExactDouble.ToFraction(units * Unit) * scale + 2 * Smallest;
            var magnitude = Fraction.Abs(exact);
            bool beyond = magnitude - bound > ExactAgreement.OverflowThreshold, inside = magnitude + bound <= Max;
            double c = computed[i];
            string label = $"{what}, entry {i}: {c:R} vs exact {ExactDouble.ToDouble(exact):R}";
            bool overflowed = double.IsInfinity(c) && Math.Sign(c) == exact.Sign();
            if (double.IsNaN(c))
                property = property.And(false.Label($"{label}: NaN"));
            else if (beyond)
                property = property.And(overflowed.Label($"{label}: the exact value is beyond ±double.MaxValue, expected ±∞ of its sign"));
            else if (double.IsInfinity(c))
                property = property.And((!inside && overflowed).Label($"{label}: ∞ but the exact value is in range"));
            else
            {
                var error = Fraction.Abs(F(c) - exact);
                property = property.And((error <= bound).Label($"{label}: error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
            }
        }
        return property;
    }

    /// <summary>φ = qx²/2 + cx³/6 within 6u, φ′ = qx + cx²/2 within 4u, φ″ = q + cx within 3u of Σ|monomials| (CubicTerm's remarks).</summary>
    [Property]
    public Property CubicTerm_IsAccurateOrRejected() => Prop.ForAll(
        (from q in Scalar from c in Scalar from x in Scalar select (q, c, x)).ToArbitrary(),
        input =>
        {
            var (q, c, x) = input;
            var term = new CubicTerm(q, c);
            Fraction fq = F(q), fc = F(c), fx = F(x);
            Fraction v1 = fq * fx * fx / 2, v2 = fc * fx * fx * fx / 6, d1 = fq * fx, d2 = fc * fx * fx / 2, s2 = fc * fx;
            string at = $"q = {q:R}, c = {c:R}, x = {x:R}";
            return Checked(() => term.Value(x), v1 + v2, Fraction.Abs(v1) + Fraction.Abs(v2), 6, $"φ at {at}")
                .And(Checked(() => term.First(x), d1 + d2, Fraction.Abs(d1) + Fraction.Abs(d2), 4, $"φ′ at {at}"))
                .And(Checked(() => term.Second(x), fq + s2, Fraction.Abs(fq) + Fraction.Abs(s2), 3, $"φ″ at {at}"));
        });

    /// <summary>
    /// a cos x + b x² with C = Math.Cos(x), S = Math.Sin(x) taken as exact (their own error is the platform's, stated apart):
    /// φ within 4u·(|aC| + |bx²|), φ′ within 3u·(|aS| + |2bx|), φ″ within 3u·(|aC| + |2b|); constructor rejects |a| + 2|b| &gt; MaxValue.
    /// </summary>
    [Property]
    public Property CosineQuadraticTerm_IsAccurateOrRejected() => Prop.ForAll(
        (from a in Scalar from b in Scalar from x in Scalar select (a, b, x)).ToArbitrary(),
        input =>
        {
            var (a, b, x) = input;
            Fraction fa = F(a), fb = F(b), fx = F(x);
            CosineQuadraticTerm term;
            try
            {
                term = new CosineQuadraticTerm(a, b);
            }
            catch (ArgumentException)
            {
                return (Fraction.Abs(fa) + 2 * Fraction.Abs(fb) > Max).Label($"a = {a:R}, b = {b:R} rejected in range");
            }
            if (Fraction.Abs(fa) + 2 * Fraction.Abs(fb) > Max * F(1 + 1e-15))
                return false.Label($"a = {a:R}, b = {b:R} accepted beyond |a| + 2|b| ≤ MaxValue");
            Fraction cos = F(Math.Cos(x)), sin = F(Math.Sin(x));
            Fraction v1 = fa * cos, v2 = fb * fx * fx, d1 = -fa * sin, d2 = 2 * fb * fx, s2 = 2 * fb;
            string at = $"a = {a:R}, b = {b:R}, x = {x:R}";
            return Checked(() => term.Value(x), v1 + v2, Fraction.Abs(v1) + Fraction.Abs(v2), 4, $"φ at {at}")
                .And(Checked(() => term.First(x), d1 + d2, Fraction.Abs(d1) + Fraction.Abs(d2), 3, $"φ′ at {at}"))
                .And(Checked(() => term.Second(x), -v1 + s2, Fraction.Abs(v1) + Fraction.Abs(s2), 3, $"φ″ at {at}"));
        });

    /// <summary>
    /// LogPerturbedQuadratic (balles-thesis Prop. 6.3's test function) with full-range A, c, θ: f within (n² + n + 3)u of
    /// Σ|θ_iA_ijθ_j/2| + Σ|c_iψ(θ_i)| and ∇f_i within (n + 2)u of Σ_j|A_ijθ_j| + |c_iψ'(θ_i)| (its remarks), the computed
    /// ψ and ψ' taken as exact (their own ulp bounds are checked in SignRangeProperties); ∇²f = A + diag(c∘ψ''(θ)) off the
    /// diagonal exactly A, on it within 2u·(|A_ii| + |c_iψ''(θ_i)|).
    /// </summary>
    [Property]
    public Property LogPerturbedQuadratic_IsAccurateOrInfinite() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from entries in Gen.ArrayOf(Scalar, n * n)
         from c in Gen.ArrayOf(Scalar, n)
         from theta in Gen.ArrayOf(Scalar, n)
         select (n, entries, c, theta)).ToArbitrary(),
        input =>
        {
            var (n, entries, c, theta) = input;
            var a = Matrix<double>.Build.Dense(n, n, (i, j) => entries[Math.Min(i, j) * n + Math.Max(i, j)]);
            var f = new Verification.Optimizers.Sign.LogPerturbedQuadratic(a, Vector<double>.Build.DenseOfArray(c));
            var t = Vector<double>.Build.DenseOfArray(theta);
            var (value, scale, rows, rowScales) = QuadraticForm(a, theta);
            var gradient = new Entry[n];
            for (int i = 0; i < n; i++)
            {
                var psi = F(c[i]) * F(Verification.Optimizers.Sign.LogPerturbedQuadratic.Psi(theta[i]));
                value += psi;
                scale += Fraction.Abs(psi);
                var first = F(c[i]) * F(Verification.Optimizers.Sign.LogPerturbedQuadratic.PsiFirst(theta[i]));
                gradient[i] = new Entry(rows[i] + first, rowScales[i] + Fraction.Abs(first), n + 2);
            }
            // ∇²f = A + diag(c_iψ''(θ_i)): off-diagonal entries A_ij exactly, diagonal within 2u·(|A_ii| + |c_iψ''(θ_i)|).
            var hessian = new Entry[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    var curvature = i == j ? F(c[i]) * F(Verification.Optimizers.Sign.LogPerturbedQuadratic.PsiSecond(theta[i])) : Fraction.Zero;
                    hessian[i * n + j] = new Entry(F(a[i, j]) + curvature, Fraction.Abs(F(a[i, j])) + Fraction.Abs(curvature), i == j ? 2 : 0);
                }
            string at = $"A = {a}, c = [{string.Join(", ", c)}], θ = [{string.Join(", ", theta)}]";
            return CheckedAll(() => f.Gradient(t).ToArray(), gradient, $"∇f at {at}")
                .And(Checked(() => f.Value(t), value, scale, n * n + n + 3, $"f at {at}"))
                .And(CheckedAll(() => f.Hessian(t).ToRowMajorArray(), hessian, $"∇²f at {at}"));
        });

    /// <summary>Random symmetric 2×2 or 3×3 A, b, θ with full-range entries: f within (n² + n + 3)u, ∇f within (n + 2)u (Quadratic's remarks).</summary>
    [Property]
    public Property Quadratic_IsAccurateOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from entries in Gen.ArrayOf(Scalar, n * n)
         from b in Gen.ArrayOf(Scalar, n)
         from theta in Gen.ArrayOf(Scalar, n)
         select (n, entries, b, theta)).ToArbitrary(),
        input =>
        {
            var (n, entries, b, theta) = input;
            var a = Matrix<double>.Build.Dense(n, n, (i, j) => entries[Math.Min(i, j) * n + Math.Max(i, j)]);
            var f = new Quadratic(a, Vector<double>.Build.DenseOfArray(b));
            var t = Vector<double>.Build.DenseOfArray(theta);
            var (value, scale, rows, rowScales) = QuadraticForm(a, theta);
            var gradient = new Entry[n];
            for (int i = 0; i < n; i++)
            {
                value -= F(b[i]) * F(theta[i]);
                scale += Fraction.Abs(F(b[i]) * F(theta[i]));
                gradient[i] = new Entry(rows[i] - F(b[i]), rowScales[i] + Fraction.Abs(F(b[i])), n + 2);
            }
            string at = $"A = {a}, b = [{string.Join(", ", b)}], θ = [{string.Join(", ", theta)}]";
            return CheckedAll(() => f.Gradient(t).ToArray(), gradient, $"∇f at {at}")
                .And(Checked(() => f.Value(t), value, scale, n * n + n + 3, $"f at {at}"));
        });

    /// <summary>
    /// A·v of the quadratic (its Hessian-vector product) with A, θ and v over the whole range, n = 1…3: each entry within
    /// (n + 1)u·Σ_j|A_ij v_j| + 2·2^-1074 of the exact Σ_j A_ij v_j (Quadratic's remarks: n products and n − 1 additions
    /// of the unrounded sum, or of the plain product where every entry is within 2^±100, and one final rounding; the
    /// 2^-1074 of a subnormal result as in <see cref="CheckedAll"/>), ±∞ of the exact sign only where the exact entry is
    /// beyond ±double.MaxValue (the remarks' IEEE overflow), never NaN or a rejection of finite inputs. θ does not enter A·v
    /// but is drawn from the range too (it is checked, not used). One case in four is A = [[p, −p], [−p, p]] with p near
    /// MaxValue and v = (s, s ± 3 ulp) in [1, 2]: every product overflows, the exact entries are in range.
    /// </summary>
    [Property]
    public Property Quadratic_HessianVectorProduct_IsAccurateOrInfinite() => Prop.ForAll(
        (from n in Gen.Choose(1, 3)
         from entries in Gen.ArrayOf(Scalar, n * n)
         from theta in Gen.ArrayOf(Scalar, n)
         from v in Gen.OneOf(Gen.ArrayOf(Scalar, n), FullRangeDoubles.SignedOrOneScale(n))
         from cancelling in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
         from p in Gen.Choose(0, 1 << 20).Select(k => double.MaxValue - k * Math.ScaleB(1.0, 971))
         from s in Gen.Choose(0, 1 << 20).Select(k => 1 + k * Math.ScaleB(1.0, -20))
         from nudge in Gen.Choose(-3, 3)
         select cancelling ? (2, new[] { p, -p, p, p }, new[] { 0.0, 0.0 }, new[] { s, FullRangeDoubles.Nudge(s, nudge) }) : (n, entries, theta, v)).ToArbitrary(),
        input =>
        {
            // The cancelling case: A = [[p, −p], [−p, p]], p near MaxValue, v = (s, s ± a few ulp), s in [1, 2]: each product
            // p·s overflows, the exact row p·(s − s') is in range (or 0).
            var (n, entries, theta, v) = input;
            var a = Matrix<double>.Build.Dense(n, n, (i, j) => entries[Math.Min(i, j) * n + Math.Max(i, j)]);
            var f = new Quadratic(a, Vector<double>.Build.Dense(n));
            var (_, _, rows, rowScales) = QuadraticForm(a, v);
            var product = new Entry[n];
            for (int i = 0; i < n; i++)
                product[i] = new Entry(rows[i], rowScales[i], n + 1);
            string at = $"A = {a}, θ = [{string.Join(", ", theta)}], v = [{string.Join(", ", v)}]";
            return CheckedAll(() => f.HessianVectorProduct(Vector<double>.Build.DenseOfArray(theta), Vector<double>.Build.DenseOfArray(v)).ToArray(),
                product, $"A·v at {at}");
        });

    /// <summary>
    /// ½θᵀDθ + (c/6)(uᵀθ)³ in 1 or 2 dimensions: f and ∇f within (n² + n + 6)u of the sums of their terms' magnitudes with uᵀθ
    /// replaced by Σ|u_iθ_i| (CubicPerturbedQuadratic's remarks); L_H = |c|‖u‖³ rejected only beyond the range.
    /// </summary>
    [Property]
    public Property CubicPerturbedQuadratic_IsAccurateOrRejected() => Prop.ForAll(
        (from n in Gen.Choose(1, 2)
         from entries in Gen.ArrayOf(Scalar, n * n)
         from c in Scalar
         from u in Gen.ArrayOf(Scalar, n)
         from theta in Gen.ArrayOf(Scalar, n)
         select (n, entries, c, u, theta)).ToArbitrary(),
        input =>
        {
            var (n, entries, c, u, theta) = input;
            var d = Matrix<double>.Build.Dense(n, n, (i, j) => entries[Math.Min(i, j) * n + Math.Max(i, j)]);
            Fraction norm2 = u.Aggregate(Fraction.Zero, (s, x) => s + F(x) * F(x));
            string at = $"D = {d}, c = {c:R}, u = [{string.Join(", ", u)}], θ = [{string.Join(", ", theta)}]";
            CubicPerturbedQuadratic f;
            try
            {
                f = new CubicPerturbedQuadratic(d, c, Vector<double>.Build.DenseOfArray(u));
            }
            catch (ArgumentException ex)
            {
                // rejected only where c²‖u‖⁶ > MaxValue²(1 − 1e-12)
                return (F(c) * F(c) * norm2 * norm2 * norm2 > Max * Max * F(1 - 1e-12)).Label($"{at}: rejected in range ({ex.Message})");
            }
            var t = Vector<double>.Build.DenseOfArray(theta);
            Fraction s = Fraction.Zero, sAbs = Fraction.Zero;
            for (int i = 0; i < n; i++)
            {
                s += F(u[i]) * F(theta[i]);
                sAbs += Fraction.Abs(F(u[i]) * F(theta[i]));
            }
            Fraction fc = F(c);
            var (quadratic, quadraticScale, rows, rowScales) = QuadraticForm(d, theta);
            Fraction value = quadratic + fc * s * s * s / 6, scale = quadraticScale + Fraction.Abs(fc) * sAbs * sAbs * sAbs / 6;
            var gradient = new Entry[n];
            for (int i = 0; i < n; i++)
                gradient[i] = new Entry(rows[i] + fc * s * s * F(u[i]) / 2, rowScales[i] + Fraction.Abs(fc * sAbs * sAbs * F(u[i])) / 2, n * n + n + 6);
            return CheckedAll(() => f.Gradient(t).ToArray(), gradient, $"∇f at {at}")
                .And(Checked(() => f.Value(t), value, scale, n * n + n + 6, $"f at {at}"));
        });

    /// <summary>
    /// H = D + c(uᵀθ)uuᵀ and T[w] = c(uᵀw)uuᵀ of ½θᵀDθ + (c/6)(uᵀθ)³ in 1 or 2 dimensions, D, c, u, θ, w over the whole
    /// range: each entry within (n² + n + 6)u of its terms' magnitudes |D_ij| + |c|·Σ_k|u_kθ_k|·|u_iu_j| (|c|·Σ_k|u_kw_k|·|u_iu_j|
    /// for T[w]) plus 2·2^-1074 (CubicPerturbedQuadratic's remarks), ±∞ only where the exact entry is beyond the range.
    /// </summary>
    [Property]
    public Property CubicPerturbedQuadratic_HessianAndThirdDerivative_AreAccurate() => Prop.ForAll(
        (from n in Gen.Choose(1, 2)
         from entries in Gen.ArrayOf(Scalar, n * n)
         from c in Scalar
         from u in Gen.ArrayOf(Scalar, n)
         from theta in Gen.ArrayOf(Scalar, n)
         from w in Gen.ArrayOf(Scalar, n)
         select (n, entries, c, u, theta, w)).ToArbitrary(),
        input =>
        {
            var (n, entries, c, u, theta, w) = input;
            var d = Matrix<double>.Build.Dense(n, n, (i, j) => entries[Math.Min(i, j) * n + Math.Max(i, j)]);
            string at = $"D = {d}, c = {c:R}, u = [{string.Join(", ", u.Select(x => x.ToString("R")))}], θ = [{string.Join(", ", theta.Select(x => x.ToString("R")))}], w = [{string.Join(", ", w.Select(x => x.ToString("R")))}]";
            CubicPerturbedQuadratic f;
            try
            {
                f = new CubicPerturbedQuadratic(d, c, Vector<double>.Build.DenseOfArray(u));
            }
            catch (ArgumentException)
            {
                return true.Label("L_H beyond the range: the constructor's rejection is CubicPerturbedQuadratic_IsAccurateOrRejected's to check");
            }
            Fraction fc = F(c), s = Fraction.Zero, sAbs = Fraction.Zero, r = Fraction.Zero, rAbs = Fraction.Zero;
            for (int i = 0; i < n; i++)
            {
                s += F(u[i]) * F(theta[i]);
                sAbs += Fraction.Abs(F(u[i]) * F(theta[i]));
                r += F(u[i]) * F(w[i]);
                rAbs += Fraction.Abs(F(u[i]) * F(w[i]));
            }
            var hessian = new Entry[n * n];
            var third = new Entry[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    Fraction uu = F(u[i]) * F(u[j]);
                    hessian[i * n + j] = new Entry(F(d[i, j]) + fc * s * uu, Fraction.Abs(F(d[i, j])) + Fraction.Abs(fc * uu) * sAbs, n * n + n + 6);
                    third[i * n + j] = new Entry(fc * r * uu, Fraction.Abs(fc * uu) * rAbs, n * n + n + 6);
                }
            var t = Vector<double>.Build.DenseOfArray(theta);
            return CheckedAll(() => f.Hessian(t).ToRowMajorArray(), hessian, $"H at {at}")
                .And(CheckedAll(() => f.ThirdDerivativeAlong(t, Vector<double>.Build.DenseOfArray(w)).ToRowMajorArray(), third, $"T[w] at {at}"));
        });

    /// <summary>
    /// Scaled Rosenbrock over full-range (x, y) and near the valley y ≈ x²: f, ∇f, H and T[u] within 6u of the sums of their
    /// terms' magnitudes as ScaledRosenbrock's remarks state them (with the |r|x² of the cancellation in x·x − y), against
    /// the exact rationals with 0.01 = 1/100.
    /// </summary>
    [Property]
    public Property ScaledRosenbrock_IsAccurateOrRejected() => Prop.ForAll(
        Gen.Frequency(
            (2, from x in Scalar from y in Scalar from ux in Scalar from uy in Scalar select (x, y, ux, uy)),
            (1, from x in Scalar.Where(v => Math.Abs(v) < 1e150) from k in Gen.Choose(-3, 3) from ux in Scalar from uy in Scalar
                select (x, FullRangeDoubles.Nudge(x * x, k), ux, uy))).ToArbitrary(),
        input =>
        {
            var (x, y, ux, uy) = input;
            var f = new ScaledRosenbrock();
            var theta = Vector<double>.Build.DenseOfArray([x, y]);
            var u = Vector<double>.Build.DenseOfArray([ux, uy]);
            Fraction fx = F(x), fy = F(y), r = fx * fx - fy, xm = fx - 1;
            Fraction v1 = xm * xm / 100, v2 = r * r, g1 = xm / 50, g2 = 4 * fx * r, g3 = -2 * r;
            Fraction x12 = 12 * fx * fx, y4 = 4 * fy, h1 = new Fraction(1, 50) + x12 - y4, h2 = -4 * fx, t1 = 24 * fx * F(ux), t2 = -4 * F(uy), t3 = -4 * F(ux);
            Fraction a = Fraction.Abs(h2);
            string at = $"(x, y) = ({x:R}, {y:R}), u = ({ux:R}, {uy:R})";
            Fraction ar = Fraction.Abs(r), x2 = fx * fx;
            return Checked(() => f.Value(theta), v1 + v2, v1 + v2 + ar * x2, 6, $"f at {at}")
                .And(CheckedAll(() => f.Gradient(theta).ToArray(),
                    [new(g1 + g2, Fraction.Abs(g1) + 4 * Fraction.Abs(fx) * (ar + x2), 6), new(g3, 2 * (ar + x2), 6)], $"∇f at {at}"))
                .And(CheckedAll(() => f.Hessian(theta).ToRowMajorArray(),
                    [new(h1, new Fraction(1, 50) + x12 + Fraction.Abs(y4), 6), new(h2, a, 1), new(h2, a, 1), new(2, 2, 1)], $"H at {at}"))
                .And(CheckedAll(() => f.ThirdDerivativeAlong(theta, u).ToRowMajorArray(),
                    [new(t1 + t2, Fraction.Abs(t1) + Fraction.Abs(t2), 6), new(t3, Fraction.Abs(t3), 1), new(t3, Fraction.Abs(t3), 1), new(Fraction.Zero, Fraction.Zero, 1)],
                    $"T[u] at {at}"));
        });

    /// <summary>Σ of three cubic terms' values (x = 1, φ_i = q_i/2 + c_i/6): within 6u·Σ|monomials| + (n − 1)u·Σ|φ_i| ≤ 8u·Σ|monomials|.</summary>
    [Property]
    public Property Separable_SumIsAccurateOrRejected() => Prop.ForAll(
        Gen.ArrayOf(from q in Scalar from c in Scalar select (q, c), 3).ToArbitrary(),
        terms =>
        {
            var f = new SeparableObjective([.. terms.Select(t => (IScalarTerm)new CubicTerm(t.q, t.c))]);
            Fraction exact = Fraction.Zero, scale = Fraction.Zero;
            foreach (var (q, c) in terms)
            {
                exact += F(q) / 2 + F(c) / 6;
                scale += Fraction.Abs(F(q) / 2) + Fraction.Abs(F(c) / 6);
            }
            bool termsInRange = terms.All(t => Fraction.Abs(F(t.q) / 2 + F(t.c) / 6) + ExactDouble.ToFraction(6 * Unit) * (Fraction.Abs(F(t.q) / 2) + Fraction.Abs(F(t.c) / 6)) + 2 * Smallest <= Max);
            if (!termsInRange)
                return true.ToProperty(); // a term itself is rejected: CubicTerm_IsAccurateOrRejected covers it
            return Checked(() => f.Value(Vector<double>.Build.Dense(3, 1.0)), exact, scale, 8, $"Σφ for [{string.Join(", ", terms)}]");
        });
}
