using System.Runtime.InteropServices;
using Parley.Documents;
using Parley.Text;

namespace Parley.Segmentation;

/// <summary>
/// Every distinct spelling of a token met on this thread, under a dense id, and the ids of one document's tokens.
/// Each token is hashed once here; the components that ask something of every token (the actor recogniser's word
/// facts, the contact extractor's lower-case form and flags) keep their answers in arrays indexed by the id instead
/// of hashing the token again each.
/// </summary>
/// <remarks>
/// Ids are per thread and per <see cref="Generation"/>: when the table is full it starts over (a long run meets
/// ever new names) and bumps the generation, so a cache keyed by id must be dropped when the generation changes.
/// Ids never reach a document's output, so the output does not depend on what the thread met before.
/// </remarks>
internal sealed class TokenSpellings
{
    /// <summary>The most spellings kept before the table starts over.</summary>
    public const int MaxSpellings = 1 << 17;

    [ThreadStatic]
    private static TokenSpellings? t_table;

    /// <summary>This thread's table.</summary>
    public static TokenSpellings ForThread() => t_table ??= new TokenSpellings();

    /// <summary>Makes <paramref name="table"/> this thread's table (tests use a small one to make it start over often).</summary>
    internal static void UseOnThisThread(TokenSpellings table) => t_table = table;

    private readonly int _max;

    /// <param name="maxSpellings">The most spellings kept before the table starts over (a document is never split).</param>
    internal TokenSpellings(int maxSpellings = MaxSpellings) => _max = maxSpellings;

    private int[] _buckets = new int[1 << 14]; // hash -> first id of its chain + 1, 0 when empty
    private int[] _next = new int[1 << 13]; // id -> next id of its chain + 1
    private int[] _hashes = new int[1 << 13];
    private string[] _text = new string[1 << 13];
    private WordForm?[] _forms = new WordForm?[1 << 13];
    private int _count;

    // The document whose token ids are in _ids (kept so that its ids are known to be its own).
    private int[] _ids = new int[1024];
    private Document? _doc;
    private int _docTokens = -1;
    private int _docGeneration = -1;

    /// <summary>Starts at 1 and grows by one each time the table starts over.</summary>
    public int Generation { get; private set; } = 1;

    /// <summary>Ids handed out in this generation: every id is below it.</summary>
    public int Count => _count;

    /// <summary>
    /// The spelling id of every token of <paramref name="doc"/>, valid until the next call on this thread for
    /// another document. The ids of the last document asked about are kept, so its components share one lookup
    /// per token.
    /// </summary>
    public ReadOnlySpan<int> Of(Document doc)
    {
        var tokens = CollectionsMarshal.AsSpan(doc.Tokens);
        if (ReferenceEquals(_doc, doc) && _docTokens == tokens.Length && _docGeneration == Generation)
            return _ids.AsSpan(0, tokens.Length);
        return Assign(doc);
    }

    /// <summary>Looks up every token of <paramref name="doc"/> afresh (its tokens were just made).</summary>
    public ReadOnlySpan<int> Assign(Document doc)
    {
        var tokens = CollectionsMarshal.AsSpan(doc.Tokens);
        // Start over before the document, never inside it, so that all its ids are of one generation.
        if (_count > 0 && _count + tokens.Length > _max)
            StartOver();
        if (_ids.Length < tokens.Length)
            _ids = new int[Math.Max(tokens.Length, 2 * _ids.Length)];
        var text = doc.Text;
        for (int i = 0; i < tokens.Length; i++)
            _ids[i] = Intern(tokens[i].Span.AsSpan(text));
        _doc = doc;
        _docTokens = tokens.Length;
        _docGeneration = Generation;
        return _ids.AsSpan(0, tokens.Length);
    }

    /// <summary>The spelling of <paramref name="id"/>.</summary>
    public string Text(int id) => _text[id];

    /// <summary>The lower-case word of <paramref name="id"/> (<see cref="LowerWords"/>), looked up the first time it is asked for.</summary>
    public WordForm Form(int id) => _forms[id] ?? (_forms[id] = LowerWords.Get(_text[id]));

    /// <summary>The id of <paramref name="token"/>'s spelling (compared ordinally: "Talks" and "talks" are two).</summary>
    public int Intern(ReadOnlySpan<char> token)
    {
        uint h = 2166136261;
        foreach (char c in token)
            h = (h ^ c) * 16777619;
        int hash = (int)h;
        for (int e = _buckets[hash & (_buckets.Length - 1)]; e != 0; e = _next[e - 1])
            if (_hashes[e - 1] == hash && token.SequenceEqual(_text[e - 1]))
                return e - 1;
        return Add(token, hash);
    }

    private int Add(ReadOnlySpan<char> token, int hash)
    {
        if (_count == _text.Length)
        {
            int size = 2 * _count;
            Array.Resize(ref _next, size);
            Array.Resize(ref _hashes, size);
            Array.Resize(ref _text, size);
            Array.Resize(ref _forms, size);
        }
        if (_count >= _buckets.Length)
            Rehash(2 * _buckets.Length);
        int id = _count++;
        ref int head = ref _buckets[hash & (_buckets.Length - 1)];
        _hashes[id] = hash;
        _text[id] = token.ToString();
        _forms[id] = null;
        _next[id] = head;
        head = id + 1;
        return id;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (int id = 0; id < _count; id++)
        {
            ref int head = ref _buckets[_hashes[id] & (size - 1)];
            _next[id] = head;
            head = id + 1;
        }
    }

    private void StartOver()
    {
        Array.Clear(_buckets);
        Array.Clear(_text, 0, _count);
        Array.Clear(_forms, 0, _count);
        _count = 0;
        Generation++;
        _doc = null;
    }
}
