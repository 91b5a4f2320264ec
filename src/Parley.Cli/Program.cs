using System.CommandLine;
using Parley.Cli.Commands;

var root = new RootCommand("Parley: diplomatic contact events (who met, phoned or video-called whom, when, where, how) from news articles, with evidence.");
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
root.Subcommands.Add(TimelineCommand.Create());
root.Subcommands.Add(ActorsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(BenchStoreCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
