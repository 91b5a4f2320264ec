namespace Parley.Text;

/// <summary>
/// One distinct word in lower case, shared by every token that spells it (in any case), with a slot
/// where one lexicon at a time caches what it knows about the word (see <see cref="WordCache"/>).
/// </summary>
public sealed class WordForm
{
    internal WordForm(string lower, int hash)
    {
        Lower = lower;
        Hash = hash;
    }

    public string Lower { get; }

    /// <summary>The hash of <see cref="Lower"/> in the per-thread word table.</summary>
    internal int Hash { get; }

    /// <summary>Owner id in the high 32 bits, the owner's flags in the low 32; read and written atomically as one long.</summary>
    internal long Cache;
}

/// <summary>
/// Per-word flags a lexicon computes once per distinct word instead of once per token. Each lexicon
/// instance takes its own owner id; a word's cache holds the flags of the last owner that asked, so a
/// second lexicon only recomputes. Owner and flags are one atomic 64-bit value, so threads sharing a
/// word at worst compute the same flags twice and never read one owner's flags as another's.
/// </summary>
internal static class WordCache
{
    private static int _owners;

    /// <summary>A new owner id, never 0 (the id of an empty cache) and never reused.</summary>
    public static int NewOwner() => Interlocked.Increment(ref _owners);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Get(WordForm word, int owner, Func<string, int> compute)
    {
        long cached = Volatile.Read(ref word.Cache); // atomic; a plain load on 64-bit (Interlocked.Read is a locked exchange)
        return (int)(cached >> 32) == owner ? (int)cached : Compute(word, owner, compute);
    }

    private static int Compute(WordForm word, int owner, Func<string, int> compute)
    {
        int flags = compute(word.Lower);
        Volatile.Write(ref word.Cache, ((long)owner << 32) | (uint)flags);
        return flags;
    }
}

/// <summary>
/// Lower-case forms of tokens, shared per thread: news repeats its words, so each distinct word is
/// lower-cased and allocated once instead of once per token.
/// </summary>
/// <remarks>
/// Every token passes through here, so the table is a small chained hash of its own: the token is
/// lower-cased into a buffer, hashed and compared ordinally, and entries keep their hash so a probe
/// compares text only on a hash match.
/// </remarks>
internal static class LowerWords
{
    private const int MaxWords = 200_000;

    [ThreadStatic]
    private static Table? _table;

    public static WordForm Get(ReadOnlySpan<char> token) => (_table ??= new Table()).Get(token);

    /// <summary>This thread's table, for a caller that looks up every token of a document (one thread-static read).</summary>
    public static Table ForThread() => _table ??= new Table();

    internal sealed class Table
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

        // The last word seen per hash slot: the frequent words ("the", "said", "minister") are found
        // here without walking the table.
        private readonly WordForm?[] _recent = new WordForm?[1024];
        private char[] _buffer = new char[64];

        // One-character ASCII tokens (punctuation, "a", digits) straight from a table.
        private readonly WordForm?[] _ascii = new WordForm?[128];

        public WordForm Get(ReadOnlySpan<char> token)
        {
            if (token.Length == 1 && token[0] < 128)
                return _ascii[token[0]] ??= Find(token);
            return Find(token);
        }

        private WordForm Find(ReadOnlySpan<char> token)
        {
            // Keyed by the lower-case form itself, so a word's form never depends on which spelling
            // came first (a case-insensitive key would let "ſo" stand for "so"). ASCII is lower-cased
            // and hashed in one pass; anything else goes through ToLowerInvariant.
            uint h = 2166136261;
            int k = 0;
            for (; k < token.Length; k++)
            {
                uint c = token[k];
                if (c - 'A' <= 'Z' - 'A' || c >= 0x80)
                    break;
                h = (h ^ c) * 16777619;
            }
            // Already lower-case ASCII (most tokens): the token is its own key. Otherwise lower-case it
            // into the buffer, ASCII inline and anything else through ToLowerInvariant.
            ReadOnlySpan<char> lower = token;
            if (k < token.Length)
            {
                if (token.Length > _buffer.Length)
                    _buffer = new char[Math.Max(token.Length, 2 * _buffer.Length)];
                var buffer = _buffer.AsSpan(0, token.Length);
                token[..k].CopyTo(buffer);
                bool ascii = true;
                for (; k < token.Length; k++)
                {
                    uint c = token[k];
                    if (c - 'A' <= 'Z' - 'A')
                        c += 'a' - 'A';
                    else if (c >= 0x80)
                    {
                        ascii = false;
                        break;
                    }
                    buffer[k] = (char)c;
                    h = (h ^ c) * 16777619;
                }
                if (!ascii)
                    h = (uint)Hash(buffer, token);
                lower = buffer;
            }
            int hash = (int)h;
            ref var recent = ref _recent[hash & (_recent.Length - 1)];
            if (recent is not null && recent.Hash == hash && lower.SequenceEqual(recent.Lower))
                return recent;
            for (int i = _buckets[hash & (_buckets.Length - 1)]; i >= 0; i = _entries[i].Next)
            {
                ref var e = ref _entries[i];
                if (e.Hash == hash && lower.SequenceEqual(e.Form.Lower))
                    return recent = e.Form;
            }
            return recent = Add(lower, hash);
        }

        private WordForm Add(ReadOnlySpan<char> lower, int hash)
        {
            if (_count >= MaxWords)
            {
                // A long run meets ever new names: start over rather than grow without bound.
                _buckets = NewBuckets(1 << 14);
                _entries = new Entry[1 << 13];
                Array.Clear(_recent);
                Array.Clear(_ascii);
                _count = 0;
            }
            if (_count == _entries.Length)
                Grow();
            var form = new WordForm(lower.ToString(), hash);
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

        /// <summary>Lower-cases <paramref name="token"/> into <paramref name="lower"/>; FNV-1a over the result.</summary>
        private static int Hash(Span<char> lower, ReadOnlySpan<char> token)
        {
            token.ToLowerInvariant(lower);
            uint h = 2166136261;
            foreach (char c in lower)
                h = (h ^ c) * 16777619;
            return (int)h;
        }
    }
}
