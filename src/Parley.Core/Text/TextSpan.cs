namespace Parley.Text;

/// <summary>
/// A half-open character range <c>[Start, End)</c>. Whether it indexes the original article or the
/// cleaned text is stated by whoever holds it; <see cref="OffsetMap"/> converts cleaned to original.
/// </summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public string Slice(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, Length);

    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public override string ToString() => $"[{Start},{End})";
}
