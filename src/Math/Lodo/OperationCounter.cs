namespace Verification.Numerics.Lodo;

/// <summary>
/// Counts the scalar operations of an instrumented product (lodo.md §3: "applying permutations and block diagonal
/// matrices both require O(n) time"): one per multiply–add of a block entry and one per moved coordinate.
/// </summary>
public sealed class OperationCounter
{
    /// <summary>Multiply–adds performed.</summary>
    public long MultiplyAdds { get; private set; }

    /// <summary>Coordinates moved by permutations, embeddings and truncations.</summary>
    public long Moves { get; private set; }

    /// <summary>All counted operations.</summary>
    public long Total => MultiplyAdds + Moves;

    internal void AddMultiplyAdds(long count) => MultiplyAdds += count;

    internal void AddMoves(long count) => Moves += count;
}
