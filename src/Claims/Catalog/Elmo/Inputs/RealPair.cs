namespace Verification.Claims.Catalog.Elmo.Inputs;

/// <summary>Two real numbers (e.g. x and y of Corollary M.1.1, or y₁ &lt; y₂ of a monotonicity claim); the domain names them.</summary>
internal sealed record RealPair(double First, double Second);
