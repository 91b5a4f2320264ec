using System.Runtime.CompilerServices;
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

    // Open addressing with linear probing: a slot holds the hash and first four characters of its spelling beside its
    // id, 16 bytes, four to a cache line; the rest of the key (length, last four characters, characters 4-7) is kept
    // per id, where the ids handed out first — the words every article has — lie together. A hit reads a slot and
    // its id's key, and the string only for a word longer than twelve. The table is read for every token, between
    // the other components' tables: the smaller its lines, the fewer of them are cold.
    private Slot[] _slots = new Slot[1 << 14];
    private Key[] _keys = new Key[1 << 13];
    private string[] _texts = new string[1 << 13];
    private WordForm?[] _forms = new WordForm?[1 << 13];
    private string?[] _lower = new string?[1 << 13]; // _forms[id].Lower, read without visiting the form
    private int _count;

    // One-character ASCII tokens (punctuation, "a", digits): their id + 1, straight from the character.
    private readonly int[] _ascii = new int[128];

    private struct Slot // 16 bytes
    {
        public ulong Head; // characters 0-3
        public int Hash;
        public int IdPlusOne; // 0: empty
    }

    private struct Key
    {
        public ulong Tail; // the last four characters of a word longer than four, else 0
        public ulong Middle; // characters 4-7 of a word longer than eight, else 0
        public int Length;
    }

    // The document whose token ids are in _ids (kept so that its ids are known to be its own).
    private int[] _ids = new int[1024];
    private Document? _doc;
    private int _docTokens = -1;
    private int _docGeneration = -1;

    // Generations are drawn from one counter for all tables, so that a cache keyed by (generation, id) can never
    // take one table's ids for another's (a thread's table can be replaced).
    private static int s_generations;

    /// <summary>Never 0, new each time the table starts over, and never the generation of another table.</summary>
    public int Generation { get; private set; } = Interlocked.Increment(ref s_generations);

    /// <summary>Ids handed out in this generation: every id is below it.</summary>
    public int Count => _count;

    /// <summary>
    /// For a cache keyed by this table's ids, whose generation is <paramref name="generation"/>: true when what it
    /// holds belongs to another generation and must be dropped (and <paramref name="generation"/> is now this one).
    /// </summary>
    internal bool Renews(ref int generation)
    {
        if (generation == Generation)
            return false;
        generation = Generation;
        return true;
    }

    /// <summary>Grows a cache keyed by this table's ids (at least doubling) so that every id handed out has a place.</summary>
    internal void Fit<T>(ref T[] cache)
    {
        if (cache.Length < _count)
            Array.Resize(ref cache, Math.Max(_count, 2 * cache.Length));
    }

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

    /// <summary>
    /// <see cref="Of"/> as the array that holds it (valid below the document's token count, until the next call on
    /// this thread for another document): for a component that keeps the ids in a field while it works.
    /// </summary>
    internal int[] IdArray(Document doc)
    {
        Of(doc);
        return _ids;
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
    public string Text(int id) => _texts[id];

    /// <summary>The lower-case word of <paramref name="id"/> (<see cref="LowerWords"/>), looked up the first time it is asked for.</summary>
    public WordForm Form(int id)
    {
        if (_forms[id] is { } form)
            return form;
        form = _forms[id] = LowerWords.Get(_texts[id]);
        _lower[id] = form.Lower;
        return form;
    }

    /// <summary>The lower-case word of <paramref name="id"/> as a string (<see cref="Form"/>'s <see cref="WordForm.Lower"/>).</summary>
    public string Lower(int id) => _lower[id] ?? Form(id).Lower;

    /// <summary>The id of <paramref name="token"/>'s spelling (compared ordinally: "Talks" and "talks" are two).</summary>
    public int Intern(ReadOnlySpan<char> token)
    {
        if (token.Length == 1 && token[0] < 128)
        {
            ref int one = ref _ascii[token[0]];
            return one != 0 ? one - 1 : (one = Find(token) + 1) - 1;
        }
        return Find(token);
    }

    private int Find(ReadOnlySpan<char> token)
    {
        // Four characters at a time: the first block is the word's head, the last four its tail (overlapping the
        // block before when the length is not a multiple of four). Head, tail and length are mixed by multiplies that
        // do not wait on one another; the blocks between them (a word of more than eight characters) are added
        // without one: they are compared character by character on a hit anyway, so the hash need only spread
        // words that differ in their ends or length, as almost all do.
        int n = token.Length;
        ref ushort c = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(token));
        ulong head, tail = 0;
        if (n >= 4)
        {
            head = Block(ref c, 0);
            if (n > 4)
                tail = Block(ref c, n - 4);
        }
        else
        {
            head = 0;
            for (int i = 0; i < n; i++)
                head |= (ulong)Unsafe.Add(ref c, i) << (16 * i);
        }
        ulong middle = 0, second = n > 8 ? Block(ref c, 4) : 0;
        for (int i = 4; i + 4 < n; i += 4)
            middle += Block(ref c, i);
        ulong h = (head * 0x9E3779B97F4A7C15) ^ ((tail + middle) * 0xBF58476D1CE4E5B9) ^ ((ulong)n * 0x94D049BB133111EB);
        h ^= h >> 29;
        int hash = (int)(h ^ (h >> 32));
        var slots = _slots;
        int mask = slots.Length - 1;
        for (int at = hash & mask; ; at = (at + 1) & mask)
        {
            ref var slot = ref slots[at];
            if (slot.IdPlusOne == 0)
                return Add(token, hash, head, tail, second, at);
            if (slot.Hash != hash || slot.Head != head)
                continue;
            // Equal hashes, heads, lengths, tails and second blocks: a word of twelve characters or fewer is the same
            // word without looking at its string (the three blocks hold all its characters).
            int id = slot.IdPlusOne - 1;
            ref readonly var key = ref _keys[id];
            if (key.Length == n && key.Tail == tail && key.Middle == second && (n <= 12 || token.SequenceEqual(_texts[id])))
                return id;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Block(ref ushort c, int at) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref c, at)));

    private int Add(ReadOnlySpan<char> token, int hash, ulong head, ulong tail, ulong second, int at)
    {
        if (_count == _texts.Length)
        {
            Array.Resize(ref _keys, 2 * _count);
            Array.Resize(ref _texts, 2 * _count);
            Array.Resize(ref _forms, 2 * _count);
            Array.Resize(ref _lower, 2 * _count);
        }
        int id = _count++;
        _slots[at] = new Slot { Hash = hash, Head = head, IdPlusOne = id + 1 };
        _keys[id] = new Key { Tail = tail, Middle = second, Length = token.Length };
        _texts[id] = token.ToString();
        _forms[id] = null;
        _lower[id] = null;
        // At most half full, so that a probe stays short.
        if (2 * _count > _slots.Length)
            Rehash(2 * _slots.Length);
        return id;
    }

    private void Rehash(int size)
    {
        var old = _slots;
        var slots = new Slot[size];
        int mask = size - 1;
        foreach (ref readonly var slot in old.AsSpan())
        {
            if (slot.IdPlusOne == 0)
                continue;
            int at = slot.Hash & mask;
            while (slots[at].IdPlusOne != 0)
                at = (at + 1) & mask;
            slots[at] = slot;
        }
        _slots = slots;
    }

    private void StartOver()
    {
        Array.Clear(_slots);
        Array.Clear(_texts, 0, _count);
        Array.Clear(_forms, 0, _count);
        Array.Clear(_lower, 0, _count);
        Array.Clear(_ascii);
        _count = 0;
        Generation = Interlocked.Increment(ref s_generations);
        _doc = null;
    }
}
