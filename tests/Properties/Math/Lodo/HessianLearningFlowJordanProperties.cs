using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Numerics.Lodo;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Lodo;

/// <summary>
/// <see cref="HessianLearningFlow.SpectralRadius"/> (ρ(A) of lodo.md eq. 10's condition ρ(A) &lt; 1) for non-symmetric A of
/// size 3 to 16, defective ones included, over the whole double range, with a tolerance that assumes nothing about the
/// eigensolver: it is computed exactly from the eigenpairs the solver returns.
/// <para>
/// The reference: A = S·B·S⁻¹ in exact rationals (S = P·L·U an integer matrix of integer inverse, as in
/// <see cref="HessianLearningFlowSimilarityProperties"/>), B block diagonal with real 1×1 blocks λ, rotation-scaling blocks
/// αI + βJ (J = [[0, −1], [1, 0]], eigenvalues α ± iβ), real Jordan blocks λI + cN of order 2 to 14 (N the upper shift)
/// and the real Jordan blocks of a complex pair of order 2 to 6, [[C, cI], [0, C]], [[C, cI, 0], [0, C, cI], [0, 0, C]] and the
/// 8×8 to 12×12 ones of the same pattern (I_m ⊗ C + cN ⊗ I₂), with C = αI + βJ; ρ(A) = ρ(B) is max |λ| or
/// √(α² + β²) of its blocks, exact or a 200-bit outward square root.
/// </para>
/// <para>
/// The certificate. The function runs MathNet's Evd on M = 2^-s·Â (Â the double rounding of A, s = ⌊log₂ max|Â_ij|⌋,
/// entries below 2^-1022 set to 0). The test repeats those steps and takes the same decomposition: a real V̂ and a real
/// block diagonal D with 1×1 blocks a and 2×2 blocks [[a, b], [−b, a]], whose eigenvalues a and a ± ib are the returned
/// eigenvalues (checked entry by entry). D̂ = 2^s·D is normal (each block is aI + bJᵀ). Two exact matrices follow:
/// G = V̂⁻¹·A·V̂ − D̂ for all eigenpairs together, and per returned pair (λ̂, v = x + iy) the residual r = A·v − λ̂·v.
/// They hold every error at once (Â − A, the scaling, the flush and the solver's own), so no accuracy constant of the
/// solver is assumed.
/// (1) A is similar to D̂ + G, and D̂ is normal. By Bauer–Fike (Numer. Math. 2 (1960) 137–141; for a normal matrix
/// κ = 1) every eigenvalue of A lies within ‖G‖₂ of an eigenvalue of D̂. So ρ(A) ≤ max|λ̂| + ‖G‖₂, and the largest
/// eigenvalue of A cannot be missed. (1′) The continuity argument gives a second lower bound (see
/// <see cref="ContinuityLowerBound"/>), with H = S⁻¹·(V̂·D̂·V̂⁻¹)·S − 2^k·B and the radii of (2); the larger is used.
/// (2) Each λ̂ is an exact eigenvalue of A + E with E = −r·v*/‖v‖², so of S·(2^k·B + H)·S⁻¹ with H = S⁻¹ES and
/// ‖H‖₂ = ‖S⁻¹r‖₂·‖Sᵀv̄‖₂/‖v‖² (rank one). The Jordan-form perturbation theorem
/// (Kahan, Parlett and Jiang, SIAM J. Numer. Anal. 19 (1982) 470–484; Chatelin, Eigenvalues of Matrices, 1993): for
/// A = XJX⁻¹ and an eigenvalue μ of A + E there is an eigenvalue λ, in a Jordan block of order m, with
/// |μ − λ|^m/(1 + |μ − λ|)^{m−1} ≤ ‖X⁻¹EX‖₂. The step of its proof used here: 1 ≤ ‖(μ − J)⁻¹‖₂·‖X⁻¹EX‖₂, and for a
/// block λI + cN of order m, ‖(μ − λI − cN)⁻¹‖₂ ≤ Σ_{j&lt;m} |c|^j/δ^{j+1} with δ = |μ − λ| (the Neumann series, ‖N^j‖₂ = 1).
/// With c = 1 and Σ_{j&lt;m} δ^{m−1−j} ≤ (1 + δ)^{m−1} this is the published form; the sum keeps it scale free. So every
/// λ̂ lies within r_b of an eigenvalue of some block b, where r_b is any r with h·Σ_{j&lt;m} |c|^j/r^{j+1} &lt; 1,
/// h ≥ ‖H‖₂. For a normal block (m = 1) r_b = h, Bauer–Fike's radius. The complex-pair block is unitarily similar to two
/// complex Jordan blocks (α ± iβ)I + cN of order 2: with C = QΛQ*, diag(Q, Q)*·[[C, cI], [0, C]]·diag(Q, Q) = [[Λ, cI], [0, Λ]],
/// a permutation of two such blocks; the pair block of any order m likewise: under I_m ⊗ Q, I_m ⊗ C + cN ⊗ I₂ becomes
/// I_m ⊗ Λ + cN ⊗ I₂, a permutation of two complex Jordan blocks of order m. No step assumes a small m: the Neumann
/// series ends at N^m = 0 for any m, ‖N^j‖₂ = 1 for every j &lt; m, (μ − J)⁻¹ is block diagonal so its norm is the
/// largest of its blocks', and the root x = r_b/|c| is below max(mη, (mη)^{1/m}), η = h/|c|, for any m. Each eigenvalue
/// of B carries the order of its own block, so a block of order 14 (real) or 6 (a pair) is taken with that m. Re-read
/// for m up to 14 (stop 40): the sums Σ_{j&lt;m} c^j/r^{j+1} that decide r_b are exact rationals, which neither over- nor
/// underflow; only the double bisection that seeds r_b can (mid^{j+1} with j up to 13 leaves the double range where r/c
/// is beyond about 2^±73), and that moves the seed, not the check, which is exact and doubles r until it holds; where the
/// seed is not a positive double, r = m·h + |c| is taken, which encloses for any m (h·Σ_{j&lt;m} c^j/r^{j+1} &lt; m·h/r &lt; 1).
/// r_b is found in doubles and then checked exactly, in rationals. So max|λ̂| ≤ max_b (|λ_b| + r_b).
/// (3) ‖·‖₂ ≤ ‖·‖_F, computed exactly with one outward square root.
/// (4) The function returns ScaleB(max Complex.Magnitude(λ̂), s). The magnitude is within 4u (u = 2^-53) relative
/// where it is a normal double, and within 2^-1074 (2^(s−1074) in A's units) where not; scaling back rounds by
/// ½·2^-1074 where the result is subnormal.
/// </para>
/// <para>
/// What this tolerance is: the a-posteriori error of MathNet's solver on the same matrix. It is tight where that solver
/// is accurate, and it grows like h^{1/m} at a Jordan block of order m, as the true error does. A function built on
/// another, less accurate solver could fail it while still within its own backward error. Where V̂ is singular the lower
/// side is not certified (the bound is then 0 from below). Measured on 1000 random cases of each property (2026-12-03):
/// for normal B each side of the allowed interval was a median 8 times the error (the earlier Bauer–Fike tolerance was
/// 680 times the error in its first generated case), and the lower side excluded ρ/2 in 940 of 955 cases with ρ ≠ 0; for defective B the upper side was
/// a median 6 times the error and the lower side 290 times, and the lower side excluded ρ/2 in 835 of 919 (the rest:
/// subnormal A, whose rounding moves A by its own size, or radii that reach 0).
/// Since stop 34 n runs to 7 (two cases in five are 6 or 7) and real Jordan blocks to order 5: of 600 defective draws, the
/// 309 with n ≥ 6 or a block of order 4 or 5 were all certified, and the lower side excluded ρ/2 in 227 (a median width
/// of 1.1·10^-4·ρ; at order 5 the radius (c⁴h)^{1/5} is wide by nature).
/// Since stop 35 n runs to 9 (one case in six is 8 or 9), real Jordan blocks to order 7 and a complex pair's real Jordan
/// block has order 2 or 3: of 1500 defective draws (2026-12-04) all were certified; 128 had an order-3 pair block (the
/// lower side excluded ρ/2 in 92, a median width of 1.0·10^-3·ρ), 166 a real block of order 6 or 7 (87; a median width
/// of 0.31·ρ, the radius (c^{m−1}h)^{1/m}) and 241 had n = 8 or 9 (174).
/// Since stop 39 n runs to 12 (one case in seven is 10 to 12), real Jordan blocks to order 10 and a complex pair's to order
/// 4 (the first block is one of side 8 or more in half the cases where one fits): of 1500 defective draws (2026-12-04)
/// all passed, the lower side uncertified in 5 (V̂ singular, all n ≤ 5) and ρ = 0 in 58. The lower side excluded ρ/2,
/// of those with ρ ≠ 0, in 58 of 91 with a real block of order 8 (a median width of 0.014·ρ), 34 of 56 of order 9
/// (0.18·ρ), 23 of 44 of order 10 (0.42·ρ), 63 of 91 with a pair block of order 4 (0.027·ρ) and 148 of 220 with
/// n = 10 to 12 (1.2·10^-3·ρ). Of 600 normal draws all passed (V̂ singular in 1), ρ/2 excluded in 554; the 80 with
/// n = 10 to 12 in 74 (a median width of 2·10^-8·ρ). 100 cases take 16 s (normal) and 8 s (defective) on two shared
/// cores, 9 s and 6 s before: a case with n = 10 to 12 takes 0.3 s, one with n = 3 to 5 0.01 s.
/// Since stop 40 n runs to 16 (one case in fifteen is 13 to 16), real Jordan blocks to order 14 and a complex pair's to
/// order 6 (12×12). Of 1500 defective draws (2026-12-04) and 600 more with n = 13 to 16 and one of the new blocks first,
/// all passed; the lower side was uncertified in 6 (V̂ singular: 5 with n = 3, one with n = 15). With ρ ≠ 0 it excluded
/// ρ/2 in 86 of 132 with a real block of order 11 (a median width of 0.0042·ρ), 68 of 115 of order 12 (0.0071·ρ), 52 of
/// 108 of order 13 (2.2·ρ), 43 of 80 of order 14 (0.32·ρ), 90 of 138 with a pair block of order 5 (0.015·ρ), 103 of 142
/// of order 6 (0.0044·ρ), and in 523 of 796 with n = 13 to 16. Of 1000 normal draws all passed (V̂ singular in 1, n = 16),
/// ρ/2 excluded in 910 of 999; the 88 with n = 13 to 16 in 72 (a median width of 2.2·10^-5·ρ). A case with n = 13 to 16
/// takes about 1 s (normal) and 0.4 s (defective); 100 cases take 12–13 s and 5–6 s, 12 s and 5 s before (same session).
/// Mutants caught by both properties: |Re λ| for |λ|, the second largest |λ| for the largest, and ρ·(1 + 2^-30).
/// Mutants of the certificate caught by the defective property (on the correct function, so the order matters): m taken
/// as min(m, 7) (a nilpotent order-10 block, n = 10, after 71 cases) and the pair block of order 4 taken as order 3
/// (after 33). The m taken as min(m, 10) is drawn too rarely to be caught in 100 cases (not in three runs); with n = 11
/// to 16 and a new block first it was caught after 43 (a Jordan block of order 14), and the hand-made cases of
/// <see cref="SpectralRadius_OfASingleLargeJordanBlock_IsWithinTheBoundOfItsEigenpairsResiduals"/> catch it, and a pair
/// block of order 5 or 6 taken one lower, in every run.
/// </para>
/// </summary>
public class HessianLearningFlowJordanProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// The kinds of B's diagonal blocks: JordanM a real Jordan block λI + cN of order M, ComplexJordanM the real Jordan block
    /// of a complex pair of order M (2M×2M; ComplexJordan has order 2).
    /// </summary>
    private enum Kind
    {
        Real, Rotation, Jordan2, Jordan3, Jordan4, Jordan5, Jordan6, Jordan7, Jordan8, Jordan9, Jordan10, Jordan11, Jordan12, Jordan13, Jordan14,
        ComplexJordan, ComplexJordan3, ComplexJordan4, ComplexJordan5, ComplexJordan6,
    }

    /// <summary>The order m of the (complex) Jordan blocks that make up the block: 1 for the normal kinds.</summary>
    private static int Order(Kind kind) => kind switch
    {
        Kind.Real or Kind.Rotation => 1,
        Kind.Jordan2 or Kind.ComplexJordan => 2,
        Kind.Jordan3 or Kind.ComplexJordan3 => 3,
        Kind.Jordan4 or Kind.ComplexJordan4 => 4,
        Kind.Jordan5 or Kind.ComplexJordan5 => 5,
        Kind.Jordan6 or Kind.ComplexJordan6 => 6,
        Kind.Jordan7 => 7,
        Kind.Jordan8 => 8,
        Kind.Jordan9 => 9,
        Kind.Jordan10 => 10,
        Kind.Jordan11 => 11,
        Kind.Jordan12 => 12,
        Kind.Jordan13 => 13,
        Kind.Jordan14 => 14,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a block kind"),
    };

    /// <summary>True for the blocks of a complex pair α ± iβ (C = αI + βJ on the diagonal): rotation-scaling and complex-pair Jordan blocks.</summary>
    private static bool IsPair(Kind kind) =>
        kind is Kind.Rotation or Kind.ComplexJordan or Kind.ComplexJordan3 or Kind.ComplexJordan4 or Kind.ComplexJordan5 or Kind.ComplexJordan6;

    /// <summary>The block's side: its order, twice that for a complex pair.</summary>
    private static int Size(Kind kind) => IsPair(kind) ? 2 * Order(kind) : Order(kind);

    /// <summary>
    /// One diagonal block of B, unscaled: λ or α = First·2^Shift, β = Second·2^Shift (rotation-scaling and complex-pair
    /// blocks), c = Coupling·2^Shift (Jordan blocks).
    /// </summary>
    private sealed record Block(Kind Kind, double First, double Second, double Coupling, int Shift)
    {
        public override string ToString() => $"{Kind}({First:R}, {Second:R}, c {Coupling:R}, 2^{Shift})";
    }

    /// <summary>
    /// One generated case: B's blocks in order; <see cref="Lower"/>, <see cref="Upper"/>, <see cref="Permutation"/> give
    /// S = P·L·U (entries in [−2, 2]); the scale is k = −1084 − ⌊log₂ max|S·B·S⁻¹|⌋ + Position.
    /// </summary>
    private sealed record JordanCase(int N, Block[] Blocks, int[] Lower, int[] Upper, int[] Permutation, int Position)
    {
        public override string ToString() =>
            $"n = {N}, blocks [{string.Join(", ", Blocks.Select(b => b.ToString()))}], L [{string.Join(", ", Lower)}], " +
            $"U [{string.Join(", ", Upper)}], P [{string.Join(", ", Permutation)}], position {Position}";
    }

    private static Gen<double> Value { get; } = Gen.Frequency(
        (7, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))),
        (1, Gen.Constant(0.0))); // λ = 0 (a nilpotent block), α = 0 (where |Re λ| is 0) or β = 0 now and then

    private static Gen<Block> BlockOf(Kind kind) =>
        from first in Value
        from second in Value
        from coupling in FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))
        from couplingShift in Gen.Choose(-8, 8) // c from 2^-16 to 2^16 against λ: how far the block's eigenvalue moves
        from shift in Gen.Choose(-30, 0) // blocks over some 40 binades below the largest
        select new Block(kind, first, second, Math.ScaleB(coupling, couplingShift), shift);

    /// <summary>
    /// Block kinds filling n: the first from <paramref name="first"/>, the others from <paramref name="rest"/> (a draw that
    /// does not fit the space left becomes a 1×1 block), rotated by a random offset so the first is not always on top.
    /// </summary>
    private static Gen<Kind[]> Kinds(int n, Kind[] first, Kind[] rest) =>
        from head in Head(n, first)
        from draws in Gen.Elements(rest).ArrayOf(n)
        from offset in Gen.Choose(0, n - 1)
        select Rotate(Fill(n, head, draws), offset);

    /// <summary>
    /// The first block's kind: any of <paramref name="first"/> that fits n, or, in half the cases where one fits, one of
    /// side 8 or more (the real Jordan blocks of order 8 to 14 and the complex pair's of order 4 to 6), which fit only the
    /// few large n and would otherwise each be drawn in a small share of those (a sixteenth or less at n = 13 to 16).
    /// </summary>
    private static Gen<Kind> Head(int n, Kind[] first)
    {
        var fitting = first.Where(k => Size(k) <= n).ToArray();
        var large = fitting.Where(k => Size(k) >= 8).ToArray();
        return large.Length == 0 ? Gen.Elements(fitting) : Gen.Frequency((1, Gen.Elements(fitting)), (1, Gen.Elements(large)));
    }

    private static Kind[] Fill(int n, Kind head, Kind[] draws)
    {
        var kinds = new List<Kind> { head };
        int used = Size(head);
        foreach (var draw in draws)
        {
            if (used == n) break;
            var kind = Size(draw) <= n - used ? draw : Kind.Real;
            kinds.Add(kind);
            used += Size(kind);
        }
        return kinds.ToArray();
    }

    private static Kind[] Rotate(Kind[] kinds, int offset) =>
        kinds.Skip(offset % kinds.Length).Concat(kinds.Take(offset % kinds.Length)).ToArray();

    private static Gen<JordanCase> Cases(Kind[] first, Kind[] rest) =>
        from n in Gen.Frequency((6, Gen.Choose(3, 5)), (4, Gen.Choose(6, 7)), (2, Gen.Choose(8, 9)), (2, Gen.Choose(10, 12)), (1, Gen.Choose(13, 16)))
        from kinds in Kinds(n, first, rest)
        from blocks in Gen.CollectToArray(kinds, BlockOf)
        from lower in Gen.Choose(-2, 2).ArrayOf(n * n)
        from upper in Gen.Choose(-2, 2).ArrayOf(n * n)
        from permutation in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        from position in HessianLearningFlowSimilarityProperties.Positions
        select new JordanCase(n, blocks.ToArray(), lower, upper, permutation, position);

    private static readonly Kind[] Normal = { Kind.Real, Kind.Rotation };
    private static readonly Kind[] Defective = Enum.GetValues<Kind>().Where(k => Order(k) > 1).ToArray();
    private static readonly Kind[] Any = Enum.GetValues<Kind>();

    /// <summary>B (unscaled) and, per block, the modulus of its eigenvalues (exact, or a 200-bit outward square root).</summary>
    private static (ExactMatrix B, RationalInterval[] Moduli) BlockDiagonal(JordanCase c)
    {
        int n = c.N;
        var entries = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                entries[i, j] = Fraction.Zero;
        var moduli = new RationalInterval[c.Blocks.Length];
        int start = 0;
        for (int index = 0; index < c.Blocks.Length; index++)
        {
            var block = c.Blocks[index];
            var scale = ExactDouble.Pow2(block.Shift);
            Fraction first = F(block.First) * scale, second = F(block.Second) * scale, coupling = F(block.Coupling) * scale;
            int size = Size(block.Kind);
            bool pair = IsPair(block.Kind);
            for (int i = 0; i < size; i++)
                entries[start + i, start + i] = first;
            if (pair)
                for (int i = 0; i < size; i += 2)
                {
                    entries[start + i, start + i + 1] = -second;
                    entries[start + i + 1, start + i] = second;
                }
            int step = pair ? 2 : 1; // cN or cI above the diagonal blocks
            if (Order(block.Kind) > 1)
                for (int i = 0; i + step < size; i++)
                    entries[start + i, start + i + step] = coupling;
            moduli[index] = pair ? RationalInterval.Exact(first * first + second * second).Sqrt() : RationalInterval.Exact(Fraction.Abs(first));
            start += size;
        }
        return (new ExactMatrix(entries), moduli);
    }

    private static Fraction FrobeniusUpper(ExactMatrix m) =>
        RationalInterval.Exact(HessianLearningFlowSimilarityProperties.SquaredFrobenius(m)).Sqrt().Upper;

    /// <summary>True when h·Σ_{j&lt;m} c^j/r^{j+1} &lt; 1 exactly: no eigenvalue of the perturbed block lies r or farther from λ.</summary>
    private static bool Encloses(Fraction r, int m, Fraction c, Fraction h)
    {
        var sum = Fraction.Zero;
        var term = h / r;
        for (int j = 0; j < m; j++)
        {
            sum += term;
            term = term * c / r;
        }
        return sum < Fraction.One;
    }

    /// <summary>
    /// A radius r with h·Σ_{j&lt;m} c^j/r^{j+1} &lt; 1 (c &gt; 0, h ≥ 0), checked exactly: from the root of
    /// x^m = η·Σ_{j&lt;m} x^{m−1−j} (x = r/c, η = h/c) found by bisection in doubles, widened by 2^-30; doubled until checked.
    /// </summary>
    private static Fraction JordanRadius(int m, Fraction c, Fraction h)
    {
        if (h.IsZero)
            return Fraction.Zero;
        if (m == 1)
            return h; // Bauer–Fike's radius: the eigenvalue of a normal block moves by at most ‖H‖₂
        double eta = ExactDouble.ToDouble(h / c);
        double high = Math.Max(m * eta, Math.Pow(m * eta, 1.0 / m)) * 2; // the root is below max(mη, (mη)^{1/m})
        double low = 0;
        for (int step = 0; step < 200 && double.IsFinite(high) && high > 0; step++)
        {
            double mid = (low + high) / 2;
            if (mid <= low || mid >= high) break;
            double sum = 0;
            for (int j = 0; j < m; j++)
                sum += eta / Math.Pow(mid, j + 1);
            if (sum < 1) high = mid; else low = mid;
        }
        var r = double.IsFinite(high) && high > 0 ? F(high * (1 + Math.ScaleB(1.0, -30))) * c : m * h + c;
        for (int doubling = 0; !Encloses(r, m, c, h); doubling++)
        {
            if (doubling > 200)
                throw new InvalidOperationException($"no radius found for m = {m}, c = {c}, h = {h}");
            r *= 2;
        }
        return r;
    }

    /// <summary>
    /// True when D holds each returned eigenvalue a as D_ii = a and each pair a ± ib (b &gt; 0, at i and i + 1) as the block
    /// [[a, b], [−b, a]], and 0 elsewhere: then D is normal and its eigenvalues are exactly the returned ones.
    /// </summary>
    private static bool IsTheBlockDiagonalOf(Matrix<double> d, Vector<System.Numerics.Complex> values)
    {
        int n = d.RowCount;
        var expected = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            expected[i, i] = values[i].Real;
            if (values[i].Imaginary > 0)
            {
                if (i + 1 >= n || values[i + 1] != System.Numerics.Complex.Conjugate(values[i]))
                    return false;
                expected[i, i + 1] = values[i].Imaginary;
                expected[i + 1, i] = -values[i].Imaginary;
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (!d[i, j].Equals(expected[i, j]))
                    return false;
        return true;
    }

    /// <summary>One eigenvalue of 2^k·B: its modulus, the order m of its Jordan block and the block's |c| (scaled), and its real and imaginary parts.</summary>
    private sealed record Point(RationalInterval Modulus, int Order, Fraction Coupling, Fraction Re, Fraction Im);

    private static List<Point> EigenvaluePoints(JordanCase c, RationalInterval[] moduli, Fraction power)
    {
        var points = new List<Point>();
        for (int index = 0; index < c.Blocks.Length; index++)
        {
            var block = c.Blocks[index];
            var scale = ExactDouble.Pow2(block.Shift) * power;
            var modulus = new RationalInterval(moduli[index].Lower * power, moduli[index].Upper * power);
            var coupling = Fraction.Abs(F(block.Coupling)) * scale;
            var re = F(block.First) * scale;
            points.Add(new Point(modulus, Order(block.Kind), coupling, re, Fraction.Zero));
            if (IsPair(block.Kind))
            {
                var im = F(block.Second) * scale;
                points[^1] = points[^1] with { Im = im };
                points.Add(new Point(modulus, Order(block.Kind), coupling, re, -im));
            }
        }
        return points;
    }

    private static Fraction SquaredNorm(ExactMatrix column) => HessianLearningFlowSimilarityProperties.SquaredFrobenius(column);

    private static ExactMatrix Column(ExactMatrix m, int j) => ExactMatrix.Build(m.Rows, 1, (i, _) => m[i, j]);

    /// <summary>
    /// (1′) The continuity argument: the eigenvalues of 2^k·B + tH, t from 0 to 1, stay in the union of the disks about
    /// B's eigenvalues of the radii r_b(‖H‖₂) (a radius for tH is one for H), so each connected component of that union
    /// holds as many returned eigenvalues as eigenvalues of B. The component of any eigenvalue p of B holds a λ̂, so
    /// max|λ̂| ≥ min over that component of |λ_b| − r_b; the best p is taken. Overlaps are decided exactly.
    /// </summary>
    private static Fraction ContinuityLowerBound(List<Point> points, Fraction h)
    {
        int count = points.Count;
        var radius = points.Select(p => JordanRadius(p.Order, p.Coupling, h)).ToArray();
        var component = Enumerable.Range(0, count).ToArray();
        int Find(int i) => component[i] == i ? i : component[i] = Find(component[i]);
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
            {
                var dx = points[i].Re - points[j].Re;
                var dy = points[i].Im - points[j].Im;
                var reach = radius[i] + radius[j];
                if (dx * dx + dy * dy <= reach * reach)
                    component[Find(i)] = Find(j);
            }
        var best = Fraction.Zero;
        for (int i = 0; i < count; i++)
        {
            var least = Enumerable.Range(0, count).Where(j => Find(j) == Find(i)).Select(j => points[j].Modulus.Lower - radius[j]).Min();
            if (least > best) best = least;
        }
        return best;
    }

    /// <summary>The check shared by both properties (the class remarks derive it term by term).</summary>
    private static Property WithinTheResidualBound(JordanCase c) => WithinTheResidualBound(c, null);

    /// <summary>The check, handing the allowed interval [lowest, highest] for the computed ρ to <paramref name="allowed"/>.</summary>
    private static Property WithinTheResidualBound(JordanCase c, Action<Fraction, Fraction>? allowed)
    {
        int n = c.N;
        var (b, moduli) = BlockDiagonal(c);
        var s = HessianLearningFlowSimilarityProperties.Similarity(n, c.Lower, c.Upper, c.Permutation);
        string at = c.ToString();
        var placed = HessianLearningFlowSimilarityProperties.Placed(s, b, c.Position);
        if (placed is null)
            return (HessianLearningFlow.SpectralRadius(Matrix<double>.Build.Dense(n, n)) == 0).Label($"ρ(0) ≠ 0 at {at}");
        var (a, sInverse, k, power, rounded) = placed.Value;
        var scaledB = power * b;
        if (!rounded.Enumerate().All(double.IsFinite))
            return true.Label("A's rounding overflows");

        // The function's steps, to take the eigenpairs behind its value.
        int exponent = BinaryExponent.OfLargest(rounded.Enumerate());
        var flushed = SubnormalFlush.All(rounded.Map(v => Math.ScaleB(v, -exponent)));
        var evd = flushed.Evd();
        var d = evd.D;
        if (!IsTheBlockDiagonalOf(d, evd.EigenValues))
            return false.Label($"D is not the block diagonal of the returned eigenvalues {evd.EigenValues}: D = {d} at {at}");
        var v = ExactMatrix.FromDoubles(evd.EigenVectors);
        var scale = ExactDouble.Pow2(exponent);
        var points = EigenvaluePoints(c, moduli, power);
        var rho = new RationalInterval(moduli.Max(m => m.Lower) * power, moduli.Max(m => m.Upper) * power);

        // Upper side, (2) per returned eigenpair: λ̂ is an eigenvalue of A + E_i, E_i = −r·v*/‖v‖², ‖S⁻¹E_iS‖₂ = ‖S⁻¹r‖‖Sᵀv̄‖/‖v‖².
        var reach = Fraction.Zero; // no λ̂ beyond it
        var sTranspose = s.Transpose();
        // A sanity cap on each residual, so that the certificate cannot excuse any output: ‖r‖ ≤ (2^-30·‖A‖_F + ‖A − Â‖_F)·‖v‖,
        // Â the matrix the solver saw (rounded, flushed, in A's scale). A backward-stable solver leaves about n·2^-52·‖A‖
        // (2^22 times less); the rounding term is what a subnormal A loses before any solver runs.
        var seen = scale * ExactMatrix.FromDoubles(flushed);
        var cap = ExactDouble.Pow2(-30) * FrobeniusUpper(a) + FrobeniusUpper(a - seen);
        for (int i = 0; i < n; i++)
        {
            if (evd.EigenValues[i].Imaginary < 0)
                continue; // the conjugate of the one before: the same residual, conjugated
            bool pair = evd.EigenValues[i].Imaginary > 0;
            var re = scale * F(d[i, i]);
            var im = pair ? scale * F(d[i, i + 1]) : Fraction.Zero;
            var x = Column(v, i);
            var y = pair ? Column(v, i + 1) : ExactMatrix.Build(n, 1, (_, _) => Fraction.Zero);
            var residualRe = a * x - re * x + im * y; // Re(A(x + iy) − (re + i·im)(x + iy))
            var residualIm = a * y - re * y - im * x;
            var squaredV = SquaredNorm(x) + SquaredNorm(y);
            if (squaredV.IsZero)
                return false.Label($"a zero eigenvector returned at {at}");
            if (SquaredNorm(residualRe) + SquaredNorm(residualIm) > cap * cap * squaredV)
                return false.Label($"the residual of pair {i} exceeds (2^-30·‖A‖_F + ‖A − Â‖_F)·‖v‖ at {at}: a solver this inaccurate is reported, not excused");
            var squaredH = (SquaredNorm(sInverse * residualRe) + SquaredNorm(sInverse * residualIm))
                * (SquaredNorm(sTranspose * x) + SquaredNorm(sTranspose * y)) / (squaredV * squaredV);
            var h = RationalInterval.Exact(squaredH).Sqrt().Upper;
            foreach (var p in points)
            {
                var candidate = p.Modulus.Upper + JordanRadius(p.Order, p.Coupling, h);
                if (candidate > reach) reach = candidate;
            }
        }

        // Lower side: the returned eigenvalues together, exactly those of V̂·D̂·V̂⁻¹ (where V̂ is invertible).
        var lower = Fraction.Zero;
        ExactMatrix? vInverse = null;
        try
        {
            vInverse = v.Solve(ExactMatrix.Identity(n));
        }
        catch (ArgumentException)
        {
            // V̂ singular: no certificate of the lower side; counted in the class remarks
        }
        var dScaled = scale * ExactMatrix.FromDoubles(d);
        var lowerRadius = Fraction.Zero;
        if (vInverse is not null)
        {
            lowerRadius = FrobeniusUpper(vInverse * a * v - dScaled); // (1), (3)
            lower = rho.Lower - lowerRadius;
            var global = FrobeniusUpper(sInverse * (v * dScaled * vInverse) * s - scaledB); // (1′)
            var continuity = ContinuityLowerBound(points, global);
            if (continuity > lower) lower = continuity;
        }
        var tiny = ExactDouble.Pow2(exponent - 1074) + ExactDouble.Pow2(-1075); // (4)
        var lowest = lower * (1 - 4 * Unit) - tiny;
        var highest = reach * (1 + 4 * Unit) + tiny;
        allowed?.Invoke(lowest, highest);
        var threshold = ExactAgreement.OverflowThreshold;
        if (lowest >= threshold)
            return ArgumentAssert.IsRejection(() => HessianLearningFlow.SpectralRadius(rounded), "a", "ρ(A) exceeds double.MaxValue")
                .Label($"ρ beyond the range not rejected at {at}");
        if (highest >= threshold)
            return true.Label("within the bound of the overflow threshold"); // a value or the rejection: either is right
        double computed = HessianLearningFlow.SpectralRadius(rounded);
        var exact = F(computed);
        bool within = exact >= lowest && exact <= highest;
        return within.Label(
            $"ρ = {computed:R}, exact in [{ExactDouble.ToDouble(rho.Lower):R}, {ExactDouble.ToDouble(rho.Upper):R}], allowed " +
            $"[{ExactDouble.ToDouble(lowest):R}, {ExactDouble.ToDouble(highest):R}] (‖G‖ ≤ {ExactDouble.ToDouble(lowerRadius):R}, " +
            $"k = {k}) at {at}");
    }

    /// <summary>
    /// B normal (real 1×1 and rotation-scaling blocks, as in HessianLearningFlowSimilarityProperties), A's entries from the
    /// subnormals to near MaxValue: the computed ρ within the certificate of the class remarks. Here every block has
    /// m = 1, so both sides are Bauer–Fike's: ρ − ‖G‖₂ ≤ max|λ̂| ≤ max_b |λ_b| + max_i ‖H_i‖₂ (H_i from the i-th pair's
    /// residual), with the magnitude's 4u and the subnormal terms. Unlike that class's property, no backward-error
    /// constant of the solver is assumed.
    /// </summary>
    [Property] // 100 cases of up to 16×16 exact products and inverses with denominators up to 2^1100
    public Property SpectralRadius_OfASimilarityOfANormalMatrix_IsWithinTheBoundOfItsEigenpairsResiduals() =>
        Prop.ForAll(Cases(Normal, Normal).ToArbitrary(), WithinTheResidualBound);

    /// <summary>
    /// B defective: at least one real Jordan block of order 2 to 14 or a complex pair's real Jordan block of order 2 to 6, beside 1×1 and
    /// rotation-scaling blocks, A's entries from the subnormals to near MaxValue: the computed ρ within the certificate of
    /// the class remarks, whose upper side is the Jordan-form (Kahan–Parlett–Jiang, Chatelin) radius of each pair's
    /// residual and whose lower side is the better of Bauer–Fike's for the computed decomposition and the continuity
    /// argument.
    /// </summary>
    [Property]
    public Property SpectralRadius_OfASimilarityOfADefectiveMatrix_IsWithinTheBoundOfItsEigenpairsResiduals() =>
        Prop.ForAll(Cases(Defective, Any).ToArbitrary(), WithinTheResidualBound);

    /// <summary>
    /// A hand-made case where the largest eigenvalue is defective: B = J₃(4) ⊕ [1] with J₃(4) = 4I + N (order 3, c = 1) and
    /// S = P·L·U with L, U of entries ±1 and 2 (‖S‖_F‖S⁻¹‖_F ≤ 119), so ρ(A) = 4·2^k with an eigenvalue of order 3, next
    /// to the simple eigenvalue 2^k; a function that dropped the top cluster would return 2^k. At three scales (largest
    /// entry of A near 2^2, 2^-1000 and 2^1000) the property must hold, and the certified interval must exclude 2^k and be
    /// narrower than 2^-10·ρ: with ‖H‖ of order κ·n·2^-52·‖A‖ the radius (c²‖H‖)^{1/3} is of order 2^-12·ρ (2^-15.6·ρ
    /// seen, the same at all three scales, as the scaling is exact).
    /// </summary>
    [Xunit.Theory]
    [Xunit.InlineData(1084 + 2)]
    [Xunit.InlineData(84)]
    [Xunit.InlineData(2084)]
    public void SpectralRadius_OfATopJordanBlockOfOrderThree_IsCertifiedApartFromTheNextEigenvalue(int position)
    {
        var blocks = new[] { new Block(Kind.Jordan3, 1, 0, 0.25, 2), new Block(Kind.Real, 1, 0, 0, 0) }; // λ = 1·2^2, c = 0.25·2^2 = 1
        var c = new JordanCase(4, blocks, Lower: new[] { 0, 0, 0, 0, 1, 0, 0, 0, -1, 2, 0, 0, 1, 0, -1, 0 },
            Upper: new[] { 0, 1, -1, 2, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0 }, Permutation: new[] { 2, 0, 3, 1 }, Position: position);
        Fraction lowest = Fraction.Zero, highest = Fraction.Zero;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), WithinTheResidualBound(c, (l, h) => (lowest, highest) = (l, h)));
        var (b, _) = BlockDiagonal(c);
        var s = HessianLearningFlowSimilarityProperties.Similarity(4, c.Lower, c.Upper, c.Permutation);
        int k = -1084 - ExactDouble.FloorLog2((s * b * s.Solve(ExactMatrix.Identity(4))).MaxAbs()) + position;
        var rho = 4 * ExactDouble.Pow2(k);
        Xunit.Assert.True(lowest > ExactDouble.Pow2(k), $"the lower end {ExactDouble.ToDouble(lowest):R} does not exclude the next eigenvalue 2^{k}");
        Xunit.Assert.True(highest - lowest < rho * ExactDouble.Pow2(-10),
            $"allowed [{ExactDouble.ToDouble(lowest):R}, {ExactDouble.ToDouble(highest):R}] is wider than 2^-10·ρ, ρ = 4·2^{k}");
    }

    /// <summary>
    /// Hand-made cases of the orders that the generators draw in a few cases in a hundred (real Jordan blocks of order 11
    /// to 14, a complex pair's of order 5 and 6), so that each run holds one of each: B a single block, S = P·L·U with
    /// L_ij = (2j mod 3) − 1 below the diagonal, U_ij = (2(n − 1 − j) mod 3) − 1 above it and P the reversal, A scaled to
    /// a largest entry near 2^2, 2^-1000 or 2^1000; the computed ρ within the certificate of the class remarks. An
    /// eigenvalue of a block of order m moves by about c·(‖H‖/c)^{1/m}, and the cases are picked so that this shows: with
    /// the certificate's m taken as min(m, 10) the four real cases fail, with a pair block's order taken one lower the two
    /// pair cases fail (both mutants of the test, on the correct function). The pair blocks have α = 0, β = 1 and c = 1,
    /// so ρ = 2^k while |Re λ| = 0, and their certified interval excludes 0: a function taking |Re λ| fails them.
    /// </summary>
    [Xunit.Theory]
    [Xunit.InlineData(11, false, 0.0, 0.0, 1.0, 1084 + 2)]
    [Xunit.InlineData(12, false, 0.0, 0.0, 1.0, 84)]
    [Xunit.InlineData(13, false, -0.75, 0.0, 16.0, 2084)]
    [Xunit.InlineData(14, false, 0.0, 0.0, 1.0, 1084 + 2)]
    [Xunit.InlineData(5, true, 0.0, 1.0, 1.0, 84)]
    [Xunit.InlineData(6, true, 0.0, 1.0, 1.0, 2084)]
    public void SpectralRadius_OfASingleLargeJordanBlock_IsWithinTheBoundOfItsEigenpairsResiduals(
        int order, bool pair, double first, double second, double coupling, int position)
    {
        var kind = Enum.GetValues<Kind>().Single(k => Order(k) == order && IsPair(k) == pair);
        int n = Size(kind);
        var pattern = Enumerable.Range(0, n * n).Select(index => 2 * (index % n) % 3 - 1).ToArray(); // row-major, column j = index mod n
        var c = new JordanCase(n, new[] { new Block(kind, first, second, coupling, 0) }, pattern, pattern.Reverse().ToArray(),
            Enumerable.Range(0, n).Reverse().ToArray(), position);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1), WithinTheResidualBound(c));
    }
}
