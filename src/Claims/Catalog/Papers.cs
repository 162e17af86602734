using Verification.Engine;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog;

/// <summary>The three papers of the built-in catalog (shared/papers), as the reports cite them.</summary>
public static class Papers
{
    /// <summary>elmo: the ELMO/AMOS paper.</summary>
    public static DocumentCitation Elmo { get; } = new("elmo",
        "Optimizer Selection Based on Function-Proxy Proximity (ELMO, AMOS)",
        "Anonymous authors",
        "Manuscript under double-blind review, as provided in shared/papers/elmo-amos.md");

    /// <summary>lodo: Learning to Optimize Quasi-Newton Methods.</summary>
    public static DocumentCitation Lodo { get; } = new("lodo",
        "Learning to Optimize Quasi-Newton Methods (LODO)",
        "Isaac Liao, Rumen R. Dangovski, Jakob N. Foerster, Marin Soljačić",
        "Transactions on Machine Learning Research (reviewed on OpenReview, forum Ns2X7Azudy); arXiv:2210.06171");

    /// <summary>balles: Lukas Balles' doctoral thesis.</summary>
    public static DocumentCitation Balles { get; } = new("balles",
        "Noise-Aware Stochastic Optimization",
        "Lukas Balles",
        "Dissertation (Dr. rer. nat.), Eberhard Karls Universität Tübingen, 2021");

    /// <summary>All three, in catalog order.</summary>
    public static IReadOnlyList<DocumentCitation> All { get; } = [Elmo, Lodo, Balles];
}
