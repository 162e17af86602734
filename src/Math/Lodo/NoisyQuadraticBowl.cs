using BigInteger = System.Numerics.BigInteger;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;

namespace Verification.Numerics.Lodo;

/// <summary>
/// The noisy quadratic bowl of lodo.md App. F.1: H = UDUᵀ with U a seeded Haar-random orthogonal n×n matrix and D a
/// geometric sequence of n values from <see cref="Smallest"/> to <see cref="Largest"/> (n = 100, 0.001…1 in the paper);
/// the centre wanders, x*_{t+1} = x*_t + s_t with s_t ~ N(0, vI), and ℓ_t = ½(x_t − x*_t)ᵀH(x_t − x*_t).
/// </summary>
public sealed class NoisyQuadraticBowl
{
    /// <summary>The bowl of the paper with its seed.</summary>
    public NoisyQuadraticBowl(int dimension, double noiseVariance, int seed, double smallest = 0.001, double largest = 1.0)
    {
        if (dimension < 2)
            throw new ArgumentException($"dimension must be ≥ 2, got {dimension}.", nameof(dimension));
        Require.Positive(noiseVariance, nameof(noiseVariance));
        Require.Positive(smallest, nameof(smallest));
        Require.Positive(largest, nameof(largest));
        if (!(largest >= smallest))
            throw new ArgumentException($"largest must be ≥ smallest ({Require.Show(smallest)}), got {Require.Show(largest)}.", nameof(largest));
        Dimension = dimension;
        NoiseVariance = noiseVariance;
        Smallest = smallest;
        Largest = largest;
        Seed = seed;
        // d_1·(d_n/d_1)^t; where d_n/d_1 overflows (d_1 = 1e-300, d_n = 1e300 gave +∞ above d_1 and a NaN Hessian),
        // d_n^t·d_1^(1−t) instead: both factors finite, their product between d_1 and d_n.
        double ratio = largest / smallest;
        Spectrum = Enumerable.Range(0, dimension)
            .Select(i => i / (double)(dimension - 1))
            .Select(t => double.IsFinite(ratio) ? smallest * Math.Pow(ratio, t) : Math.Pow(largest, t) * Math.Pow(smallest, 1 - t)).ToArray();
        Rotation = RandomOrthogonal.Draw(dimension, new System.Random(seed));
        var product = Rotation * Matrix<double>.Build.DiagonalOfDiagonalArray(Spectrum.ToArray()) * Rotation.Transpose();
        // Exact symmetry (the product is symmetric only up to rounding), halving first so that H + Hᵀ cannot overflow
        // near double.MaxValue; for normal entries bit for bit (H + Hᵀ)/2.
        Hessian = product * 0.5 + product.Transpose() * 0.5;
        if (!Hessian.Enumerate().All(double.IsFinite))
            throw new ArgumentException(
                $"largest = {Require.Show(largest)} is too close to double.MaxValue: an entry of UDUᵀ rounds beyond it.", nameof(largest));
        _plainLoss = Hessian.Diagonal().Minimum() >= PlainLow && Hessian.Enumerate().Max(Math.Abs) <= PlainHigh && dimension <= 1 << 20;
    }

    /// <summary>2^-900 and 2^900: see <see cref="Loss"/>.</summary>
    private static readonly double PlainLow = Math.ScaleB(1.0, -900), PlainHigh = Math.ScaleB(1.0, 900);

    /// <summary>True when <see cref="Loss"/> may use the plain scaled formula (see there).</summary>
    private readonly bool _plainLoss;

    /// <summary>The paper's bowl: n = 100, spectrum 0.001…1.</summary>
    public static NoisyQuadraticBowl Paper(double noiseVariance, int seed) => new(100, noiseVariance, seed);

    /// <summary>n.</summary>
    public int Dimension { get; }

    /// <summary>v.</summary>
    public double NoiseVariance { get; }

    /// <summary>d_1.</summary>
    public double Smallest { get; }

    /// <summary>d_n.</summary>
    public double Largest { get; }

    /// <summary>The seed of U.</summary>
    public int Seed { get; }

    /// <summary>d_1..d_n, the diagonal of D.</summary>
    public IReadOnlyList<double> Spectrum { get; }

    /// <summary>U.</summary>
    public Matrix<double> Rotation { get; }

    /// <summary>H = UDUᵀ.</summary>
    public Matrix<double> Hessian { get; }

    /// <summary>ℓ = ½ bᵀHb at displacement b = x − x*.</summary>
    /// <remarks>
    /// Range: finite b with ℓ ≤ double.MaxValue (H is positive definite, so ℓ ≥ 0); beyond the range an ArgumentException.
    /// Where H's diagonal is at least 2^-900 and its entries at most 2^900 (every bowl with 2^-899 ≤ d_1 ≤ d_n ≤ 2^899), b is
    /// scaled by 2^-t (t = ⌊log₂ max|b_i|⌋, exact) before the products and ℓ by 4^t after, so nothing overflows on the way
    /// and a product that underflows is far below the bound. Elsewhere ½bᵀHb is computed exactly and rounded once: a
    /// subnormal d_1 made H_ij·b_j subnormal, its rounding then multiplied by 4^t, and near double.MaxValue H_00·b_0
    /// overflowed where ℓ fits (d_1 = d_n = 0.95e308, b = (1.9, 0): ℓ ≈ 1.71e308 was rejected). Accuracy: within
    /// 2n·2^-53·½|b|ᵀ|H||b| (all terms of one sign up to H's rounding, so about 2n ulp), plus 2^-1074 where ℓ is subnormal.
    /// </remarks>
    /// <exception cref="ArgumentException">non-finite or mismatched b, or ℓ beyond double.MaxValue.</exception>
    public double Loss(Vector<double> displacement)
    {
        Require.Finite(displacement, nameof(displacement));
        Require.SameLength(Dimension, displacement.Count, nameof(displacement));
        double loss;
        if (_plainLoss)
        {
            double largest = displacement.Enumerate().Max(Math.Abs);
            int t = largest > 0 ? Math.ILogB(largest) : 0;
            var scaled = displacement.Map(v => Math.ScaleB(v, -t));
            loss = Math.ScaleB(0.5 * scaled.DotProduct(Hessian * scaled), 2 * t);
        }
        else
        {
            var b = displacement.Select(ExactDouble.ToFraction).ToArray();
            var sum = Fractions.Fraction.Zero;
            for (int i = 0; i < b.Length; i++)
                for (int j = 0; j < b.Length; j++)
                    sum += b[i] * ExactDouble.ToFraction(Hessian[i, j]) * b[j];
            loss = ExactDouble.ToDouble(sum / 2);
        }
        if (!double.IsFinite(loss))
            throw new ArgumentException("the loss ½bᵀHb exceeds double.MaxValue for this displacement.", nameof(displacement));
        return loss;
    }

    /// <summary>A draw of s ~ N(0, vI).</summary>
    public Vector<double> Noise(System.Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double sd = Math.Sqrt(NoiseVariance);
        return Vector<double>.Build.Dense(Dimension, _ => sd * StandardNormal.Draw(random));
    }

    /// <summary>
    /// The Newton method's expected loss: it jumps to x*_t, the centre then moves by s_t, so
    /// E ℓ_{t+1} = ½E[s_tᵀHs_t] = ½ v tr(H) = ½ v Σ d_i (lodo.md App. F.1's 7.412v for the paper's bowl).
    /// </summary>
    /// <remarks>
    /// Accuracy: within (n + 1)·2^-53 relative of ½v·Σd_i for the bowl's own d_i where the sum, ½v and the result need no
    /// rescue (Σd_i finite, v ≥ 2^-1021 so that ½v is exact, the result normal: n − 1 roundings of a sum of positive terms
    /// and one of the product); elsewhere ½v·Σd_i computed exactly and rounded once. The plain ½v·Σd_i gave 0 for
    /// v = 2^-1074 (½v rounds to 0; exact 2^-1075·Σd_i, normal for Σd_i ≥ 2^53) and +∞ where Σd_i overflows but ½v·Σd_i
    /// is within the range.
    /// </remarks>
    /// <exception cref="DoubleRangeException">½v·Σd_i is beyond double.MaxValue.</exception>
    public double NewtonOptimalLoss
    {
        get
        {
            double half = 0.5 * NoiseVariance;
            double plain = half * Spectrum.Sum();
            if (NoiseVariance >= MinimumExactHalf && double.IsNormal(plain))
                return plain;
            var sum = Spectrum.Aggregate(Fraction.Zero, (a, d) => a + ExactDouble.ToFraction(d));
            double loss = ExactDouble.ToDouble(ExactDouble.ToFraction(NoiseVariance) * sum / 2);
            if (!double.IsFinite(loss))
                throw new DoubleRangeException(
                    $"the Newton loss ½v·Σd_i for v = {Require.Show(NoiseVariance)} and d = {Require.Show(Smallest)}…{Require.Show(Largest)} (n = {Dimension}) is beyond double.MaxValue.",
                    nameof(NoiseVariance));
            return loss;
        }
    }

    /// <summary>2^-1021: from here on ½v is exact (a normal double halved).</summary>
    private static readonly double MinimumExactHalf = Math.ScaleB(1.0, -1021);

    /// <summary>
    /// ½Σ_{i=0}^{n−1} d_1 r^i with r = (d_n/d_1)^{1/(n−1)}, enclosed in exact rationals: r is enclosed by bisection on
    /// r^{n−1} = d_n/d_1 (checked exactly) until the interval is narrower than 2^−<paramref name="bits"/>, and the sum is
    /// increasing in r. Multiply by v for the loss.
    /// </summary>
    public static RationalInterval HalfTraceEnclosure(int dimension, double smallest, double largest, int bits = 64)
    {
        if (dimension < 2)
            throw new ArgumentException($"dimension must be ≥ 2, got {dimension}.", nameof(dimension));
        Require.Positive(smallest, nameof(smallest));
        Require.Positive(largest, nameof(largest));
        if (bits < 8 || bits > 4096)
            throw new ArgumentException($"bits must be in 8..4096, got {bits}.", nameof(bits));
        var d1 = ExactDouble.ToFraction(smallest);
        var ratio = ExactDouble.ToFraction(largest) / d1;
        if (ratio < Fraction.One)
            throw new ArgumentException($"largest must be ≥ smallest, got {Require.Show(largest)} < {Require.Show(smallest)}.", nameof(largest));
        int m = dimension - 1;
        // r = p/2^bits with p an integer; r^m ≤ ratio ⇔ p^m·den ≤ num·2^(bits·m): bisection on p in integers.
        BigInteger num = ratio.Numerator, den = ratio.Denominator;
        BigInteger scale = BigInteger.Pow(2, bits), scaleM = BigInteger.Pow(scale, m);
        BigInteger lo = scale, hi = scale;
        while (BigInteger.Pow(hi, m) * den <= num * scaleM) hi *= 2;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (BigInteger.Pow(mid, m) * den <= num * scaleM) lo = mid; else hi = mid;
        }
        // Σ_{i<n} (p/2^b)^i = Σ p^i·2^{b(n−1−i)} / 2^{b(n−1)}: exact, increasing in p; r ∈ [lo, hi]/2^bits.
        Fraction Sum(BigInteger p)
        {
            BigInteger s = BigInteger.Zero, power = BigInteger.One;
            for (int i = 0; i < dimension; i++)
            {
                s += power * BigInteger.Pow(scale, dimension - 1 - i);
                power *= p;
            }
            return new Fraction(s, BigInteger.Pow(scale, dimension - 1));
        }
        var half = new Fraction(1, 2) * d1;
        return new RationalInterval(half * Sum(lo), half * Sum(hi));
    }
}
