using Parley.Actors;
using Parley.Events;
using Parley.Segmentation;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Documents;

/// <summary>
/// One article on its way through the pipeline: the original, the cleaned text with its map back,
/// and the layers the components assign. All spans in the layers index <see cref="Text"/> (the
/// cleaned text); <see cref="ToOriginal(TextSpan)"/> gives original offsets.
/// </summary>
public sealed class Document
{
    /// <param name="publishedOverride">A publication date the user imposes on every input (<c>--published</c>).</param>
    public Document(RawArticle source, PartialDate? publishedOverride = null)
    {
        Source = source;
        Text = source.Text;
        Map = OffsetMap.Identity(source.Text.Length);
        Info = new PublicationInfo
        {
            Url = source.Url,
            Outlet = source.Outlet,
            Headline = source.Headline,
            Published = publishedOverride ?? source.Published,
            PublishedTime = publishedOverride is null ? source.PublishedTime : null,
            PublishedSource = publishedOverride is not null ? DateSource.Override
                : source.Published is null ? DateSource.None : DateSource.Metadata,
        };
    }

    public RawArticle Source { get; }

    public string Id => Source.Id;

    /// <summary>The original text every reported offset refers to.</summary>
    public string Original => Source.Text;

    /// <summary>The cleaned text the components read.</summary>
    public string Text { get; private set; }

    public OffsetMap Map { get; private set; }

    public IReadOnlyList<RemovedRun> Removed { get; private set; } = [];

    public PublicationInfo Info { get; set; }

    public List<Sentence> Sentences { get; } = [];

    public List<Token> Tokens { get; } = [];

    public List<ActorMention> Mentions { get; } = [];

    /// <summary>The people of the document, each mention of whom points here by <see cref="ActorMention.Entity"/>.</summary>
    public List<PersonEntity> Entities { get; } = [];

    public List<TimeExpression> Times { get; } = [];

    public List<ContactEvent> Events { get; } = [];

    /// <summary>
    /// When not null, components append one line per decision worth explaining (a contact phrase
    /// dropped and why). `parley inspect --annotations` turns it on; it stays null otherwise.
    /// </summary>
    public List<string>? Trace { get; set; }

    /// <summary>Sets the cleaned text by dropping runs of the original.</summary>
    public void ApplyRemovals(IReadOnlyList<RemovedRun> removed)
    {
        var runs = new RemovedRun[removed.Count];
        bool sorted = true;
        for (int i = 0; i < runs.Length; i++)
        {
            runs[i] = removed[i];
            sorted &= i == 0 || runs[i].Span.Start >= runs[i - 1].Span.Start;
        }
        if (!sorted)
            runs = removed.OrderBy(r => r.Span.Start).ToArray(); // stable, like the sorted input the cleaner gives
        Span<TextSpan> cuts = runs.Length <= 64 ? stackalloc TextSpan[runs.Length] : new TextSpan[runs.Length];
        for (int i = 0; i < runs.Length; i++)
            cuts[i] = runs[i].Span;
        (Text, Map) = OffsetMap.FromSortedRemovals(Original, cuts);
        Removed = runs;
    }

    public TextSpan ToOriginal(TextSpan cleanSpan) => Map.ToOriginal(cleanSpan);

    public string Slice(TextSpan cleanSpan) => cleanSpan.Slice(Text);

    private string[]? _lower;
    private WordForm[]? _forms;

    /// <summary>
    /// The lower-case form of every token of <see cref="Tokens"/>, computed on first use and kept (each
    /// distinct word is one shared string, so lookups in ordinal sets need no case folding). The
    /// pipeline's components keep their own per-thread copies and do not build it.
    /// </summary>
    public string[] Lower
    {
        get
        {
            BuildForms();
            return _lower!;
        }
    }

    /// <summary>The shared word of every token (<see cref="Lower"/> is their lower-case strings).</summary>
    public WordForm[] Forms
    {
        get
        {
            BuildForms();
            return _forms!;
        }
    }

    private void BuildForms()
    {
        if (_lower is not null && _lower.Length == Tokens.Count)
            return;
        var forms = new WordForm[Tokens.Count];
        var lower = new string[Tokens.Count];
        for (int i = 0; i < lower.Length; i++)
        {
            forms[i] = LowerWords.Get(Tokens[i].Span.AsSpan(Text));
            lower[i] = forms[i].Lower;
        }
        _forms = forms;
        _lower = lower;
    }
}
