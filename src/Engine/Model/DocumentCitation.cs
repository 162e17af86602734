namespace Verification.Engine;

/// <summary>The paper behind a document key, as a report cites it.</summary>
/// <param name="Key">The document key claims use (e.g. <c>elmo</c>).</param>
/// <param name="Title">The title.</param>
/// <param name="Authors">The authors, as the document gives them.</param>
/// <param name="Reference">Where it appeared (arXiv ID, venue, thesis).</param>
public sealed record DocumentCitation(string Key, string Title, string Authors, string Reference)
{
    /// <summary>One line: authors, title, reference.</summary>
    public override string ToString() => $"{Authors}. *{Title}*. {Reference}.";
}
