// The claim model comes from the engine (src/Engine). Until every formalization is a statement written once, the
// legacy search's types live in Verification.Claims.Engine/Model (src/Claims/Legacy); these aliases keep the names of
// the engine's model unambiguous in catalog files that still import the legacy namespaces.
global using Claim = Verification.Engine.Claim;
global using ClaimSource = Verification.Engine.ClaimSource;
global using NamedValue = Verification.Engine.NamedValue;
global using Verification.Engine.Generators;
