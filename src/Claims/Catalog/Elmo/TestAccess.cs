using System.Runtime.CompilerServices;

// The derived, cancellation-free formulas of the ELMO claims (closed forms at x*, ratio trends) are internal; the property
// tests in tests/Properties/Claims/Catalog/Elmo check them against the exact definitions.
[assembly: InternalsVisibleTo("Verification.Tests.Properties")]
