using Parley.Text;

namespace Parley.Documents;

/// <summary>A run of the original text that cleaning dropped, and why ("boilerplate", "duplicate", ...).</summary>
public sealed record RemovedRun(TextSpan Span, string Reason);
