using MathNet.Numerics.LinearAlgebra;

namespace Verification.Numerics;

/// <summary>
/// Prepares a power-of-two-scaled matrix (largest entry in [1, 2)) for MathNet's dense eigensolvers: their QL and QR
/// iterations threw an IndexOutOfRangeException on a valid matrix with a subnormal entry (found at
/// H = [[1.000842968e-308, −0.4998…], [−0.4998…, 8.988e307]], whose scaled off-diagonal is −1.11e-308).
/// </summary>
internal static class SubnormalFlush
{
    /// <summary>2^-1022, the smallest normal double.</summary>
    public static readonly double SmallestNormal = Math.ScaleB(1.0, -1022);

    /// <summary>
    /// The matrix with every entry of magnitude below 2^-1022 set to 0: for the general (non-symmetric) solver, and for
    /// the sign-geometry bounds, whose stated accuracy already carries d·2^-1022 of the largest entry; how the solvers treat
    /// a subnormal diagonal beside normal off-diagonal entries is not established. For a scaled matrix this moves it by less than
    /// n·2^-1022 in norm against a largest entry of at least 1, far inside the solvers' backward error of about n·2^-52.
    /// </summary>
    public static Matrix<double> All(Matrix<double> scaled) =>
        scaled.Map(v => Math.Abs(v) < SmallestNormal ? 0.0 : v);

    /// <summary>
    /// The matrix with every off-diagonal entry of magnitude below 2^-1022 set to 0 (the failure was seen on such an
    /// entry; subnormal diagonal entries with zero off-diagonals are solved exactly). The diagonal keeps its subnormal
    /// grid, so a diagonal matrix's eigenvalues stay within 2^-1074 of its scaled entries.
    /// </summary>
    public static Matrix<double> OffDiagonal(Matrix<double> scaled) =>
        scaled.MapIndexed((i, j, v) => i != j && Math.Abs(v) < SmallestNormal ? 0.0 : v);
}
