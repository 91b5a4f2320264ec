using System.CommandLine;
using Parley.Temporal;

namespace Parley.Cli.Commands;

/// <summary>Arguments and options more than one verb takes.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Paths() => new("paths")
    {
        Description = "Files or folders to read (.txt, .html, .xml/.rss/.atom feeds, .jsonl); '-' reads standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> Published() => new("--published")
    {
        Description = "Publication date YYYY-MM-DD to use for every input, overriding metadata and text.",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads the extraction runs on (0: one per core). The output is the same, in the same order, for any number.",
        DefaultValueFactory = _ => 0,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--threads must be 0 (one per core) or more."); } },
    };

    /// <summary>Parses --published; writes the error and returns false when it is not a date.</summary>
    public static bool TryGetPublished(string? value, TextWriter error, out PartialDate? date)
    {
        date = null;
        if (value is null)
            return true;
        if (PartialDate.TryParse(value, out var d) && d.Precision == DatePrecision.Day && value.Trim().Length == 10)
        {
            date = d;
            return true;
        }
        error.WriteLine($"parley: --published wants a date as YYYY-MM-DD, not '{value}'");
        return false;
    }
}
