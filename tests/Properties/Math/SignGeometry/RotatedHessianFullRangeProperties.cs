using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Elementary;
using Verification.Numerics.Exact;
using Verification.Numerics.SignGeometry;
using Xunit;

namespace Verification.Tests.Properties.Numerics.SignGeometry;

/// <summary>
/// The rotated Hessians of balles-thesis Figs. 6.1–6.3 (appendices C.2 and C.4), H = QΛQᵀ with Λ = diag(1, …, 1, λ_max),
/// over the whole range (issue 15, item 1): λ_max from 1 to double.MaxValue, ω and φ from the subnormals to 1e308, S's
/// entries at any scale. TwoDimensional is checked entry by entry against R(ω)ΛR(ω)ᵀ in exact rationals (for the platform's
/// cos ω and sin ω, as its remarks state); Rotate against the closed form I + (λ_max − 1)vvᵀ, v = exp(φS)e_d, for S made of
/// 2×2 rotation generators on randomly paired coordinates (cos and sin of the exact angle enclosed by RationalTrigonometry,
/// after reduction by 2kπ above 4), both within the derived bound of <see cref="RotatedHessianDerivedBound"/>, and for the
/// seeded dense S of Fig. 6.3 by the spectrum {1, …, 1, λ_max} that every orthogonal Q gives, together with
/// exact equivariance under S → 2^k·S, φ → 2^-k·φ.
/// </summary>
[Properties(MaxTest = 100)] // d ≤ 6, exact products of d×d rationals and two 96-bit trigonometric enclosures: a few ms a case
public class RotatedHessianFullRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    /// <summary>λ_max ≥ 1 from anywhere in the range, with 1, its successor and the top of the range.</summary>
    private static Gen<double> LambdaMax { get; } = Gen.Frequency(
        (4, FullRangeDoubles.Positive.Where(x => x >= 1)),
        (1, Gen.Elements(1.0, Math.BitIncrement(1.0), 2.0, 1e308, Math.ScaleB(1.0, 1023), Math.BitDecrement(double.MaxValue), double.MaxValue)));

    /// <summary>ω of any size and sign, ordinary angles, and multiples of π/4 (where the entries cancel most).</summary>
    private static Gen<double> Angles { get; } = Gen.Frequency(
        (2, FullRangeDoubles.Signed),
        (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))),
        (1, Gen.Choose(-8, 8).Select(k => k * Math.PI / 4)));

    /// <summary>
    /// TwoDimensional's remarks: each entry within 4·2^-53·λ_max of R(ω)ΛR(ω)ᵀ for the platform's c = cos ω, s = sin ω,
    /// and H exactly symmetric. Derivation (u = 2^-53): H₀₀ = fl(fl(c²) + fl(fl(sλ)·s)) is c² + λs² up to
    /// c²(2u + u²) + λs²(3u + 3u² + u³) ≤ 3.01u·λ(c² + s²); the off-diagonal cs + (−sλ)c, computed twice and averaged,
    /// is within 3u(1 + λ)|cs| + u·λ|cs| + O(u²) ≤ (2λ + 1.5)u·(c² + s²) ≤ 3.5uλ(c² + s²) (|cs| ≤ (c² + s²)/2, λ ≥ 1).
    /// With c² + s² ≤ 1 + 4u (checked: the platform's cos and sin are within an ulp or so) both stay below 4uλ, the
    /// tolerance. Subnormal products add at most a few 2^-1075, far below uλ ≥ 2^-53.
    /// </summary>
    [Property]
    public Property TwoDimensional_IsWithinFourUnitsOfLambdaOfTheExactProduct() => Prop.ForAll(
        (from lambda in LambdaMax from omega in Angles select (lambda, omega)).ToArbitrary(), c =>
    {
        var h = RotatedHessian.TwoDimensional(c.lambda, c.omega);
        var cos = ExactDouble.ToFraction(Math.Cos(c.omega));
        var sin = ExactDouble.ToFraction(Math.Sin(c.omega));
        var lambda = ExactDouble.ToFraction(c.lambda);
        var offDiagonal = cos * sin * (Fraction.One - lambda);
        var exact = new[,] { { cos * cos + lambda * sin * sin, offDiagonal }, { offDiagonal, sin * sin + lambda * cos * cos } };
        var tolerance = 4 * Unit * lambda;
        string at = $"λ_max = {c.lambda:R}, ω = {c.omega:R}";
        var property = (cos * cos + sin * sin <= Fraction.One + 4 * Unit).Label($"platform cos² + sin² beyond 1 + 4·2^-53 at {at}")
            .And((h.RowCount == 2 && h.ColumnCount == 2 && h[0, 1].Equals(h[1, 0])).Label($"not a symmetric 2×2 at {at}"));
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                property = property.And(IsWithin(h[i, j], RationalInterval.Exact(exact[i, j]), tolerance, $"H[{i},{j}] at {at}"));
        return property;
    });

    /// <summary>
    /// The range of λ_max is every finite λ_max ≥ 1, for both functions: anything else (below 1, subnormal, ±0, negative,
    /// NaN, ±∞) is rejected naming lambdaMax, and every λ_max in the range gives a finite H.
    /// </summary>
    [Property]
    public Property TwoDimensionalAndRotate_AcceptExactlyFiniteLambdaMaxFromOne() => Prop.ForAll(
        Gen.Frequency((4, FullRangeDoubles.Signed),
            (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.BitDecrement(1.0), 1.0))).ToArbitrary(), lambda =>
    {
        var skew = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { -1, 0 } });
        if (lambda >= 1 && double.IsFinite(lambda))
            return (RotatedHessian.TwoDimensional(lambda, 0.5).Enumerate().All(double.IsFinite)
                    && RotatedHessian.Rotate(lambda, skew, 0.5).Enumerate().All(double.IsFinite))
                .Label($"λ_max = {lambda:R} gave a non-finite entry");
        const string message = "lambdaMax must be finite and ≥ 1";
        return (ArgumentAssert.IsRejection(() => RotatedHessian.TwoDimensional(lambda, 0.5), "lambdaMax", message)
                && ArgumentAssert.IsRejection(() => RotatedHessian.Rotate(lambda, skew, 0.5), "lambdaMax", message))
            .Label($"λ_max = {lambda:R} not rejected");
    });

    /// <summary>A non-finite angle has no rotation: ±∞ and NaN are rejected naming omega and phi.</summary>
    [Fact]
    public void NonFiniteAngles_AreRejected()
    {
        var skew = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { -1, 0 } });
        foreach (double angle in new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN })
        {
            ArgumentAssert.Rejects(() => RotatedHessian.TwoDimensional(2, angle), "omega", "omega must be finite");
            ArgumentAssert.Rejects(() => RotatedHessian.Rotate(2, skew, angle), "phi", "phi must be finite");
        }
    }

    /// <summary>
    /// S with S[p, q] = a_j = −S[q, p] on disjoint coordinate pairs (p, q) (a random pairing; one coordinate left alone
    /// for odd d): exp(φS) rotates each pair by θ_j = φ·a_j, so column d − 1 of exp(φS) is v = cos θ e_p − sin θ e_q where
    /// d − 1 = p, v = sin θ e_p + cos θ e_q where d − 1 = q, and e_{d−1} where it is unpaired; and QΛQᵀ = I + (λ_max − 1)vvᵀ.
    /// </summary>
    public sealed record BlockCase(double LambdaMax, int[] Order, double[] Rates, double Phi)
    {
        public int Dimension => Order.Length;

        public Matrix<double> Skew()
        {
            var s = Matrix<double>.Build.Dense(Dimension, Dimension);
            for (int j = 0; j < Rates.Length; j++)
            {
                s[Order[2 * j], Order[2 * j + 1]] = Rates[j];
                s[Order[2 * j + 1], Order[2 * j]] = -Rates[j];
            }
            return s;
        }

        public override string ToString() =>
            $"λ_max = {LambdaMax:R}, pairs [{string.Join(", ", Rates.Select((a, j) => $"({Order[2 * j]}, {Order[2 * j + 1]}): {a:R}"))}], φ = {Phi:R}";
    }

    /// <summary>
    /// d in 1…5; the largest rate anywhere in the range, the others 1, 2^-17…1 or any smaller double times it; the
    /// largest angle |φ|·max|a_j| from 0 (φ underflows) to 2^24 − 8, just below <see cref="RotatedHessian.MaxRotation"/>: a
    /// quarter of the cases at any exponent, half from 2^-4, a quarter from 2^18 (beyond RationalTrigonometry's 2^20).
    /// </summary>
    private static Gen<BlockCase> BlockCases { get; } =
        from d in Gen.Choose(1, 5)
        from keys in Gen.ArrayOf(Gen.Choose(0, 1 << 20), d)
        from largest in FullRangeDoubles.Positive
        from ratios in Gen.ArrayOf(Gen.Frequency(
            (2, Gen.Constant(1.0)),
            (2, FullRangeDoubles.Moderate.Select(x => Math.ScaleB(x, -9))),
            (1, FullRangeDoubles.Positive.Select(x => x <= 1 ? x : 1 / x))), d / 2)
        from signs in Gen.ArrayOf(Gen.Elements(-1.0, 1.0), d / 2 + 1)
        from angleExponent in Gen.Frequency((1, Gen.Choose(-1100, 23)), (2, Gen.Choose(-4, 23)), (1, Gen.Choose(18, 23)))
        from angleMantissa in Gen.Choose(1 << 20, (1 << 21) - 1)
        from lambda in LambdaMax
        let phi = signs[d / 2] * Math.ScaleB((double)angleMantissa, angleExponent - 20) / largest
        where double.IsFinite(phi)
        select new BlockCase(
            lambda,
            Enumerable.Range(0, d).OrderBy(i => keys[i]).ThenBy(i => i).ToArray(),
            ratios.Select((r, j) => signs[j] * largest * r).ToArray(),
            phi);

    /// <summary>
    /// Rotate's remarks: each entry of H within the derived bound (<see cref="RotatedHessianDerivedBound.EntryBound"/>,
    /// which includes the rounding of φ·a_j) of exp(φS)Λexp(φS)ᵀ, here known exactly. The reference's enclosures are
    /// about 2^-96 wide (2^-104 more from reducing by 2kπ with π to 128 bits), far inside it. H must also be exactly symmetric.
    /// </summary>
    [Property]
    public Property Rotate_OfPairedRotationGenerators_IsWithinItsBoundOfTheClosedForm() => Prop.ForAll(BlockCases.ToArbitrary(), c =>
    {
        int d = c.Dimension;
        var h = RotatedHessian.Rotate(c.LambdaMax, c.Skew(), c.Phi);
        var phi = ExactDouble.ToFraction(c.Phi);
        var v = Enumerable.Repeat(RationalInterval.Zero, d).ToArray();
        v[d - 1] = RationalInterval.Exact(Fraction.One);
        var largestRate = Fraction.Zero;
        for (int j = 0; j < c.Rates.Length; j++)
        {
            var rate = ExactDouble.ToFraction(c.Rates[j]);
            largestRate = Fraction.Abs(rate) > largestRate ? Fraction.Abs(rate) : largestRate;
            int p = c.Order[2 * j], q = c.Order[2 * j + 1];
            if (p != d - 1 && q != d - 1)
                continue;
            var (cos, sin) = CosSin(phi * rate);
            (v[p], v[q]) = p == d - 1 ? (cos, -sin) : (sin, cos);
        }
        var rotation = Fraction.Abs(phi) * largestRate;
        var lambda = ExactDouble.ToFraction(c.LambdaMax);
        var tolerance = RotatedHessianDerivedBound.EntryBound(d, rotation, lambda);
        string at = c.ToString();
        var property = (h.RowCount == d && h.ColumnCount == d).Label($"size {h.RowCount}×{h.ColumnCount} at {at}");
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var exact = RationalInterval.Exact(lambda - Fraction.One) * v[i] * v[j] + RationalInterval.Exact(i == j ? Fraction.One : Fraction.Zero);
                property = property.And(IsWithin(h[i, j], exact, tolerance, $"H[{i},{j}] at {at}"))
                    .And(h[i, j].Equals(h[j, i]).Label($"H[{i},{j}] ≠ H[{j},{i}] at {at}"));
            }
        return property;
    });

    /// <summary>
    /// The constants of <see cref="RotatedHessianDerivedBound"/>'s step 3 cover the exact sums at the largest scaled norm
    /// x̄ = 1/2·(1 + 2^-40) (each sum increases with x): Σ_{k=2}^{20} min(u·Σ_{j≤k} x̄^j/j!, x̄^k/k!) plus the tail after
    /// k = 20 within 22u; e^x̄ − 1 − x̄ within 0.6x̄²; Σ_{k=2}^{20} (k − 1)x̄^k/k! within 0.71x̄². A tail from k = n is at most
    /// twice its first term (x̄ ≤ 1).
    /// </summary>
    [Fact]
    public void DerivedBound_TaylorConstants_CoverTheExactSumsAtTheLargestScaledNorm()
    {
        var x = new Fraction(1, 2) * (Fraction.One + ExactDouble.Pow2(-40));
        var terms = new Fraction[42];
        terms[0] = Fraction.One;
        for (int k = 1; k < terms.Length; k++)
            terms[k] = terms[k - 1] * x / new Fraction(k);
        var summation = 2 * terms[21];
        var partial = Fraction.One + x;
        var propagated = Fraction.Zero;
        for (int k = 2; k <= 20; k++)
        {
            partial += terms[k];
            summation += Unit * partial < terms[k] ? Unit * partial : terms[k];
            propagated += new Fraction(k - 1) * terms[k];
        }
        var tail = 2 * terms[41];
        for (int k = 2; k <= 40; k++)
            tail += terms[k];
        Assert.True(summation <= new Fraction(RotatedHessianDerivedBound.SummationUnits) * Unit,
            $"summation {ExactDouble.ToDouble(summation / Unit):R}u");
        Assert.True(tail <= RotatedHessianDerivedBound.TailCoefficient * x * x, $"tail {ExactDouble.ToDouble(tail / (x * x)):R}x²");
        Assert.True(propagated <= RotatedHessianDerivedBound.TermCoefficient * x * x,
            $"propagated {ExactDouble.ToDouble(propagated / (x * x)):R}x²");
    }

    /// <summary>
    /// cos θ and sin θ of an exact angle, |θ| ≤ 2^24: above 4, of θ − 2kπ with k the integer nearest θ/2π and π enclosed to
    /// 128 bits (RationalTrigonometry encloses |x| ≤ 2^20 only; the reduced angle is within about π).
    /// </summary>
    private static (RationalInterval Cos, RationalInterval Sin) CosSin(Fraction theta)
    {
        var angle = RationalInterval.Exact(theta);
        if (Fraction.Abs(theta) > new Fraction(4))
        {
            long k = (long)Math.Round(ExactDouble.ToDouble(theta) / (2 * Math.PI));
            angle -= RationalInterval.Exact(new Fraction(2 * k)) * ExactConstants.Pi(128);
        }
        return (RationalTrigonometry.Cos(angle, 96), RationalTrigonometry.Sin(angle, 96));
    }

    /// <summary>The seeded dense S of Fig. 6.3: d, seed, λ_max, the target |φ|·‖S‖∞ (0, 2^-30…2^24, or MaxRotation) and a scale 2^k.</summary>
    public sealed record DenseCase(double LambdaMax, int Dimension, int Seed, double Rotation, int Scale)
    {
        public override string ToString() => $"λ_max = {LambdaMax:R}, d = {Dimension}, seed {Seed}, |φ|‖S‖∞ ≈ {Rotation:R}, k = {Scale}";
    }

    private static Gen<DenseCase> DenseCases { get; } =
        from d in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, 1_000_000)
        from lambda in LambdaMax
        from rotation in Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (6, from e in Gen.Choose(-30, 23) from m in FullRangeDoubles.MantissaBits select BitConverter.Int64BitsToDouble(((long)(1023 + e) << 52) | m)),
            (1, Gen.Constant(RotatedHessian.MaxRotation)))
        from scale in Gen.Choose(-900, 900)
        select new DenseCase(lambda, d, seed, rotation, scale);

    /// <summary>
    /// For any skew S: if H = H* + E with H* = QΛQᵀ, Q = exp(φS) exactly orthogonal, and |E_ij| ≤ τλ (the remarks' derived
    /// bound, τλ = <see cref="RotatedHessianDerivedBound.EntryBound"/>), then tr H is within dτλ of tr Λ = d − 1 + λ, and since (H* − I)(H* − λI) = 0 (H* − I =
    /// (λ − 1)vvᵀ, H* − λI = (1 − λ)(I − vvᵀ), ‖v‖ = 1), each entry of (H − I)(H − λI) is at most
    /// τλ²(2√d + 1) + dτ²λ² ≤ τλ²(2d + 1 + dτ) in magnitude: both computed exactly from H's doubles. And scaling S by 2^k and
    /// φ by 2^-k (all entries stay normal, k in −900…900) leaves every product φ·S_ij, hence H, the same bit for bit.
    /// </summary>
    [Property]
    public Property Rotate_OfASeededDenseSkew_HasTheSpectrumOfLambdaAndIsScaleEquivariant() => Prop.ForAll(DenseCases.ToArbitrary(), c =>
    {
        int d = c.Dimension;
        var skew = RotatedHessian.SeededSkew(d, c.Seed);
        double norm = skew.InfinityNorm();
        double phi = norm > 0 ? c.Rotation / norm : c.Rotation;
        while (Math.Abs(phi) * norm > RotatedHessian.MaxRotation)
            phi = Math.BitDecrement(phi);
        var h = RotatedHessian.Rotate(c.LambdaMax, skew, phi);
        var scaled = RotatedHessian.Rotate(c.LambdaMax, skew * Math.ScaleB(1.0, c.Scale), Math.ScaleB(phi, -c.Scale));
        string at = c.ToString();
        var property = h.Enumerate().Zip(scaled.Enumerate()).All(p => p.First.Equals(p.Second)).Label($"not scale equivariant at {at}");
        if (!h.Enumerate().All(double.IsFinite))
            return property.And(false.Label($"non-finite H at {at}"));

        var lambda = ExactDouble.ToFraction(c.LambdaMax);
        var exactNorm = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Aggregate(Fraction.Zero,
            (sum, j) => sum + Fraction.Abs(ExactDouble.ToFraction(skew[i, j])))).Max(); // MathNet's norm is a rounded sum
        var rotation = Fraction.Abs(ExactDouble.ToFraction(phi)) * exactNorm;
        var tau = RotatedHessianDerivedBound.EntryBound(d, rotation, lambda) / lambda;
        var exact = new Fraction[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                exact[i, j] = ExactDouble.ToFraction(h[i, j]);
        var trace = Enumerable.Range(0, d).Aggregate(Fraction.Zero, (s, i) => s + exact[i, i]);
        var traceError = Fraction.Abs(trace - (new Fraction(d - 1) + lambda));
        property = property.And((traceError <= new Fraction(d) * tau * lambda).Label(
            $"tr H off by {ExactDouble.ToDouble(traceError / lambda):R}·λ, bound {ExactDouble.ToDouble(new Fraction(d) * tau):R}·λ at {at}"));
        var bound = tau * (new Fraction(2 * d + 1) + new Fraction(d) * tau) * lambda * lambda;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                var entry = Fraction.Zero;
                for (int k = 0; k < d; k++)
                    entry += (exact[i, k] - (i == k ? Fraction.One : Fraction.Zero)) * (exact[k, j] - (k == j ? lambda : Fraction.Zero));
                property = property.And((Fraction.Abs(entry) <= bound).Label(
                    $"((H − I)(H − λI))[{i},{j}] = {ExactDouble.ToDouble(entry / (lambda * lambda)):R}·λ², bound {ExactDouble.ToDouble(bound / (lambda * lambda)):R}·λ² at {at}"));
            }
        return property;
    });

    /// <summary>
    /// True when <paramref name="computed"/> is finite and within <paramref name="tolerance"/> of every point of
    /// <paramref name="exact"/> (so of the exact value, wherever in the enclosure it lies).
    /// </summary>
    private static Property IsWithin(double computed, RationalInterval exact, Fraction tolerance, string what)
    {
        if (!double.IsFinite(computed))
            return false.Label($"{what}: {computed:R}");
        var x = ExactDouble.ToFraction(computed);
        return (exact.Upper - tolerance <= x && x <= exact.Lower + tolerance).Label(
            $"{what}: {computed:R}, exact ≈ {exact.Midpoint:R}, off by {ExactDouble.ToDouble(Fraction.Abs(x - (exact.Lower + exact.Upper) / 2)):R}, tolerance {ExactDouble.ToDouble(tolerance):R}");
    }
}
