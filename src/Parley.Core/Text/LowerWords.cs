namespace Parley.Text;

/// <summary>
/// One distinct word in lower case, shared by every token that spells it (in any case), with a slot
/// where one lexicon at a time caches what it knows about the word (see <see cref="WordCache"/>).
/// </summary>
public sealed class WordForm
{
    internal WordForm(string lower) => Lower = lower;

    public string Lower { get; }

    /// <summary>Owner id in the top 8 bits, the owner's flags in the low 24; written as one int.</summary>
    internal int Cache;
}

/// <summary>
/// Per-word flags a lexicon computes once per distinct word instead of once per token. Each lexicon
/// instance takes an owner id; a word's cache holds the flags of the last owner that asked, so a
/// second lexicon only recomputes. The value is written as a single int, so threads sharing a word
/// at worst compute the same flags twice.
/// </summary>
internal static class WordCache
{
    private static int _owners;

    /// <summary>A new owner id (1..255; ids wrap, which only costs recomputation).</summary>
    public static int NewOwner() => (Interlocked.Increment(ref _owners) - 1) % 255 + 1;

    public static int Get(WordForm word, int owner, Func<string, int> compute)
    {
        int cached = word.Cache;
        if ((int)((uint)cached >> 24) == owner)
            return cached & 0xFFFFFF;
        int flags = compute(word.Lower) & 0xFFFFFF;
        word.Cache = (owner << 24) | flags;
        return flags;
    }
}

/// <summary>
/// Lower-case forms of tokens, shared per thread: news repeats its words, so each distinct word is
/// lower-cased and allocated once instead of once per token.
/// </summary>
/// <remarks>
/// Every component reads every token through here, so the table is a small open hash of its own
/// rather than a Dictionary with a case-insensitive comparer: the hash folds case as it reads the
/// characters (ASCII inline), entries keep their hash so a probe compares text only on a hash match.
/// Equality is <see cref="StringComparison.OrdinalIgnoreCase"/>, and the hash folds with
/// <see cref="char.ToUpperInvariant"/>, the mapping that comparison uses.
/// </remarks>
internal static class LowerWords
{
    private const int MaxWords = 200_000;

    [ThreadStatic]
    private static Table? _table;

    public static WordForm Get(ReadOnlySpan<char> token) => (_table ??= new Table()).Get(token);

    private sealed class Table
    {
        private struct Entry
        {
            public int Hash;
            public int Next; // index of the next entry of the bucket, -1 at the end
            public WordForm Form;
        }

        private int[] _buckets = NewBuckets(1 << 14); // bucket -> index of its first entry, -1 when empty
        private Entry[] _entries = new Entry[1 << 13];
        private int _count;

        private static int[] NewBuckets(int size)
        {
            var buckets = new int[size];
            Array.Fill(buckets, -1);
            return buckets;
        }

        public WordForm Get(ReadOnlySpan<char> token)
        {
            int hash = Hash(token);
            for (int i = _buckets[hash & (_buckets.Length - 1)]; i >= 0; i = _entries[i].Next)
            {
                ref var e = ref _entries[i];
                // Most tokens are written in lower case already: an ordinal comparison settles them.
                if (e.Hash == hash && e.Form.Lower.Length == token.Length
                    && (token.SequenceEqual(e.Form.Lower) || token.Equals(e.Form.Lower, StringComparison.OrdinalIgnoreCase)))
                    return e.Form;
            }
            return Add(token, hash);
        }

        private WordForm Add(ReadOnlySpan<char> token, int hash)
        {
            if (_count >= MaxWords)
            {
                // A long run meets ever new names: start over rather than grow without bound.
                _buckets = NewBuckets(1 << 14);
                _entries = new Entry[1 << 13];
                _count = 0;
            }
            if (_count == _entries.Length)
                Grow();
            var form = new WordForm(token.ToString().ToLowerInvariant());
            int bucket = hash & (_buckets.Length - 1);
            _entries[_count] = new Entry { Hash = hash, Next = _buckets[bucket], Form = form };
            _buckets[bucket] = _count++;
            return form;
        }

        private void Grow()
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            _buckets = NewBuckets(_buckets.Length * 2);
            for (int i = 0; i < _count; i++)
            {
                int bucket = _entries[i].Hash & (_buckets.Length - 1);
                _entries[i].Next = _buckets[bucket];
                _buckets[bucket] = i;
            }
        }

        /// <summary>FNV-1a over the case-folded characters.</summary>
        private static int Hash(ReadOnlySpan<char> token)
        {
            uint h = 2166136261;
            foreach (char c in token)
            {
                uint u = c;
                if (u - 'a' <= 'z' - 'a')
                    u -= 'a' - 'A';
                else if (u >= 0x80)
                    u = char.ToUpperInvariant(c);
                h = (h ^ u) * 16777619;
            }
            return (int)h;
        }
    }
}
