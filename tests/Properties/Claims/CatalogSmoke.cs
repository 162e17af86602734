using Verification.Claims.Catalog;
using Verification.Claims.Engine;
using Xunit;
using Xunit.Abstractions;

namespace Verification.Tests.Properties.Claims;

public class CatalogSmoke(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var r = CatalogRun.Execute(ClaimCatalog.All, 2000, 1);
        foreach (var c in r.Results)
        {
            output.WriteLine($"{c.Id}: {c.Verdict} cases={c.Cases} {string.Join(" | ", c.Notes)}");
            if (c.Counterexample is { } cx) output.WriteLine($"  CX {string.Join(", ", cx.Inputs.Select(i => i.Name + "=" + i.Value))} margin={cx.CertifiedMargin} {cx.Certification}");
        }
    }
}
