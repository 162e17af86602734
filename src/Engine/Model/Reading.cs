namespace Verification.Engine;

/// <summary>What a claim's formalization is, relative to the paper (claims.md's ID scheme).</summary>
public enum Reading
{
    /// <summary>The statement as written, every case its wording admits (an ID without a variant).</summary>
    AsWritten,

    /// <summary>A corrected, restricted or charitable reading of the statement (a variant ID).</summary>
    Alternative,

    /// <summary>Not a claim of the paper: a contrast the catalog adds (e.g. a likelihood outside the theorem's hypotheses).</summary>
    Control,
}
