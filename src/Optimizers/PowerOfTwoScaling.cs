namespace Verification.Optimizers;

/// <summary>
/// The range check of a solve for a right-hand side scaled by 2^-j (j the largest entry's exponent): the scaling is exact
/// only for the entries it leaves normal doubles; whether a vector has a subnormal entry; and the smallest normal double
/// that such checks compare with.
/// </summary>
internal static class PowerOfTwoScaling
{
    private const int MinNormalExponent = -1022;

    /// <summary>2^-1022, the smallest normal double: below it a double keeps fewer than 53 significant bits.</summary>
    public const double MinNormal = 2.2250738585072014E-308;

    /// <summary>
    /// The first i with v_i ≠ 0 and |v_i| below 2^(<paramref name="exponent"/> − 1022), an entry that 2^-exponent·v_i would
    /// make subnormal, losing its digits; −1 where there is none.
    /// </summary>
    public static int FirstEntryLosingDigits(MathNet.Numerics.LinearAlgebra.Vector<double> v, int exponent)
    {
        for (int i = 0; i < v.Count; i++)
            if (v[i] != 0 && (long)Math.ILogB(v[i]) - exponent < MinNormalExponent)
                return i;
        return -1;
    }

    /// <summary>True where some v_i ≠ 0 is subnormal (below 2^-1022): a solve or a product would divide or scale its few digits.</summary>
    public static bool HasSubnormalEntry(MathNet.Numerics.LinearAlgebra.Vector<double> v) => FirstEntryLosingDigits(v, 0) >= 0;
}
