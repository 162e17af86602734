using System.CommandLine;

namespace Verification.Cli.Commands;

/// <summary><c>list [--filter GLOB]</c>: one line per claim: its ID, reading, the file that defines it, and its statement.</summary>
internal static class ListCommand
{
    internal static Command Create()
    {
        var filter = CatalogOptions.Filter();
        var command = new Command("list", "Print the ID, reading, source file and statement of every claim in the catalog.") { filter };
        command.SetAction(parse =>
        {
            var claims = CatalogOptions.Select(parse.GetValue(filter), parse.InvocationConfiguration.Error);
            if (claims is null)
                return ExitCodes.UsageError;
            int width = claims.Max(c => c.Id.Length);
            int fileWidth = claims.Max(c => c.SourceFile?.Length ?? 0);
            foreach (var claim in claims)
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{claim.Id.PadRight(width)}  {Verification.Engine.Reporting.ReportText.Reading(claim.Reading),-11}  {(claim.SourceFile ?? "").PadRight(fileWidth)}  {claim.Statement}");
            return ExitCodes.Completed;
        });
        return command;
    }
}
