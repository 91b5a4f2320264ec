using Parley.Text;

namespace Parley.Segmentation;

/// <summary>A sentence of the cleaned text, and the range of its tokens in <c>Document.Tokens</c>.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;
}

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A token of the cleaned text.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);
