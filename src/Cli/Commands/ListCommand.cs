using System.CommandLine;

namespace Verification.Cli.Commands;

/// <summary><c>list [--filter GLOB]</c>: one line per claim, its ID and statement.</summary>
internal static class ListCommand
{
    internal static Command Create()
    {
        var filter = CatalogOptions.Filter();
        var command = new Command("list", "Print the ID and statement of every claim in the catalog.") { filter };
        command.SetAction(parse =>
        {
            var claims = CatalogOptions.Select(parse.GetValue(filter), parse.InvocationConfiguration.Error);
            if (claims is null)
                return ExitCodes.UsageError;
            int width = claims.Max(c => c.Id.Length);
            foreach (var claim in claims)
                parse.InvocationConfiguration.Output.WriteLine($"{claim.Id.PadRight(width)}  {claim.Statement}");
            return ExitCodes.Completed;
        });
        return command;
    }
}
