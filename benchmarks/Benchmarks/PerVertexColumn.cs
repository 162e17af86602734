using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Verification.Benchmarks;

/// <summary>
/// Mean time divided by the 2^(d−1) sign vectors one ‖H‖∞,1 evaluation visits (balles-thesis eq. 6.18): the cost per vertex,
/// which the Gray-code update makes O(d) (so it should grow about linearly in d, while the mean grows like d·2^d).
/// </summary>
public sealed class PerVertexColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(PerVertexColumn);

    /// <inheritdoc />
    public string ColumnName => "ns/vertex";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc />
    public string Legend => "Mean time per visited sign vector, in nanoseconds (Mean / 2^(d−1))";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var report = summary[benchmarkCase];
        var dimension = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "D")?.Value;
        if (report?.ResultStatistics is null || dimension is not int d)
            return "NA";
        double vertices = Math.Pow(2, d - 1);
        return (report.ResultStatistics.Mean / vertices).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
    }
}
