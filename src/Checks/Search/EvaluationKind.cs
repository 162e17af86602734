namespace Verification.Checks.Search;

/// <summary>How one input fared.</summary>
internal enum EvaluationKind
{
    Satisfied,
    Violated,
    Fact,
    Rejected,
}
