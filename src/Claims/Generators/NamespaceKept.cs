namespace Verification.Claims.Generators;

/// <summary>
/// Keeps the namespace alive while catalog files owned by other branches still import it (its last type, EigenspaceInput,
/// moved to Catalog/Elmo/Inputs). Delete this file, and those stale usings, once the branches are merged.
/// </summary>
internal static class NamespaceKept;
