using System.CommandLine;
using Parley.Cli.Commands;

var root = new RootCommand("Parley: diplomatic contact events (who met, phoned or video-called whom, when, where, how) from news articles, with evidence.");
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
return root.Parse(args).Invoke();
