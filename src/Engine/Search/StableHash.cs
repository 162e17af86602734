namespace Verification.Engine;

/// <summary>FNV-1a over UTF-16 code units: a seed offset that, unlike string.GetHashCode, is the same in every process.</summary>
public static class StableHash
{
    /// <summary>64-bit FNV-1a of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong h = 14695981039346656037UL;
        foreach (char c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
