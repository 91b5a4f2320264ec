using System.Runtime.InteropServices;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Segmentation;

/// <summary>
/// Splits the cleaned text into tokens and sentences, news style: "S. Korea", "U.S.", "Nov. 1",
/// "Washington, D.C." and initials do not end a sentence; a line break between paragraphs always does;
/// a caption's "(L)" / "(R)" stays inside its sentence.
/// </summary>
public sealed class Segmenter : IDocumentComponent
{
    private readonly Abbreviations _abbreviations;

    public Segmenter(Abbreviations abbreviations) => _abbreviations = abbreviations;

    public string Name => "segmenter";

    public IReadOnlyList<string> Requires { get; } = [Layers.CleanText];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Tokens, Layers.Sentences];

    public void Process(Document doc)
    {
        doc.Tokens.Clear();
        doc.Sentences.Clear();
        Tokenizer.Tokenize(doc.Text, doc.Tokens);
        TokenSpellings.ForThread().Assign(doc);
        SplitSentences(doc.Text, doc.Tokens, doc.Sentences);
    }

    /// <summary>Sentences of the text being split, per thread: the caller's list then grows once, to its final size.</summary>
    [ThreadStatic]
    private static List<Sentence>? t_sentences;

    internal void SplitSentences(string text, List<Token> tokenList, List<Sentence> sentences)
    {
        var found = t_sentences ??= new List<Sentence>(128);
        found.Clear();
        SplitSentences(text, CollectionsMarshal.AsSpan(tokenList), found);
        sentences.EnsureCapacity(sentences.Count + found.Count);
        sentences.AddRange(CollectionsMarshal.AsSpan(found));
    }

    private void SplitSentences(string text, ReadOnlySpan<Token> tokens, List<Sentence> sentences)
    {
        int first = 0;
        int paragraph = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool last = i == tokens.Length - 1;
            bool breakAfter = last;
            bool newline = !last && HasNewline(text, tokens[i].Span.End, tokens[i + 1].Span.Start);
            if (!last)
            {
                if (newline)
                    breakAfter = true;
                else if (tokens[i].Kind == TokenKind.Punctuation && IsSentenceEnd(text, tokens, i))
                    breakAfter = true;
            }
            if (breakAfter)
            {
                var span = new TextSpan(tokens[first].Span.Start, tokens[i].Span.End);
                sentences.Add(new Sentence(span, first, i - first + 1, paragraph));
                first = i + 1;
                if (newline)
                    paragraph++;
            }
        }
    }

    /// <summary>
    /// Whether the gap between two tokens holds a line break. Most gaps are one space or nothing, and
    /// need no loop: with nothing, <paramref name="from"/> is where the next token starts, never a line break.
    /// </summary>
    private static bool HasNewline(string text, int from, int to) =>
        to - from <= 1 ? text[from] == '\n' : text.AsSpan(from, to - from).Contains('\n');

    private bool IsSentenceEnd(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.Kind != TokenKind.Punctuation)
            return false;
        char c = text[t.Span.Start];
        // A closing quote or bracket right after the stop belongs to the sentence it closes.
        if (c is '"' or '\u201D' or '\'' or '\u2019' or ')')
        {
            if (i == 0 || !IsTerminal(text[tokens[i - 1].Span.Start]))
                return false;
            return NextStartsSentence(text, tokens, i + 1);
        }
        if (!IsTerminal(c))
            return false;
        if (i + 1 < tokens.Length)
        {
            char next = text[tokens[i + 1].Span.Start];
            if (next is '"' or '\u201D' or ')' or '\u2019')
                return false; // the quote ends it
        }
        if (c == '.' && i > 0)
        {
            var prev = tokens[i - 1];
            bool adjacent = prev.Span.End == t.Span.Start;
            if (adjacent && prev.Kind == TokenKind.Word)
            {
                var word = prev.Span.AsSpan(text);
                if (_abbreviations.IsAbbreviation(word, text, tokens, i - 1))
                    return false;
            }
        }
        return NextStartsSentence(text, tokens, i + 1);
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?';

    private static bool NextStartsSentence(string text, ReadOnlySpan<Token> tokens, int j)
    {
        if (j >= tokens.Length)
            return true;
        if (tokens[j].Span.Start == tokens[j - 1].Span.End)
            return false; // "U.S." or "3.5": no space, no break
        char n = text[tokens[j].Span.Start];
        return char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '(' or '\'' or '\u2018' || !char.IsLetter(n);
    }
}

/// <summary>Words that a full stop follows without ending the sentence.</summary>
public sealed class Abbreviations
{
    private readonly HashSet<string> _words;

    public Abbreviations(IEnumerable<string> words) =>
        _words = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);

    public static Abbreviations Default { get; } = new([
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Gov", "Sen", "Rep",
        "Amb", "Pres", "Rev", "St", "Mt", "Ft", "Jr", "Sr", "Hon", "Sec", "Dept", "No", "Nos", "Vol", "vs", "etc",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Ltd", "Corp", "Co", "approx", "est", "al", "Ave", "Blvd",
    ]);

    public bool IsAbbreviation(ReadOnlySpan<char> word, string text, ReadOnlySpan<Token> tokens, int index)
    {
        // Single letters: initials and "S. Korea", "N. Korea", "U.S.".
        if (word.Length == 1 && char.IsLetter(word[0]))
            return true;
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
            return true;
        // "U.S." / "D.C." / "N.K.": a letter after a dot that follows a letter.
        if (index > 0 && word.Length <= 2 && tokens[index - 1].Span.End == tokens[index].Span.Start
            && text[tokens[index - 1].Span.Start] == '.')
            return true;
        return false;
    }
}
