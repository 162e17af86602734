using Verification.Checks.Problems;

namespace Verification.Checks.Properties;

/// <summary>A quadratic and the power of two c = 2^K its objective is multiplied by.</summary>
/// <param name="Case">The problem.</param>
/// <param name="K">The exponent of c.</param>
public sealed record ScaledCase(QuadraticCase Case, int K);
