using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Ingest;

/// <summary>
/// Renders HTML as the plain text a reader sees: block elements become paragraphs separated by a
/// blank line, <c>&lt;br&gt;</c> a line break, runs of white space one space; scripts, styles and
/// other invisible content are dropped. Used for extracted article bodies and feed item content.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "embed",
        "canvas", "video", "audio", "button", "select", "textarea", "input", "option",
    };

    /// <summary>What a page shows besides its article: dropped when no article body was found.</summary>
    private static readonly HashSet<string> Chrome = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "menu",
    };

    /// <summary>Text of an HTML fragment such as a feed item's description; plain text passes through.</summary>
    public static string FromFragment(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
            return Render(html);
        var parser = new HtmlParser();
        var doc = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return doc.Body is null ? "" : FromElement(doc.Body, dropChrome: false);
    }

    public static string FromElement(INode root, bool dropChrome)
    {
        var w = new Writer();
        Walk(root, w, dropChrome);
        return w.ToString();
    }

    private static string Render(string plain)
    {
        var w = new Writer();
        w.Text(plain);
        return w.ToString();
    }

    private static void Walk(INode node, Writer w, bool dropChrome)
    {
        switch (node)
        {
            case IText text:
                w.Text(text.Data);
                return;
            case IElement el:
                string tag = el.LocalName;
                if (Invisible.Contains(tag) || (dropChrome && (Chrome.Contains(tag) || IsHiddenRole(el))))
                    return;
                if (tag.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    w.Break(1);
                    return;
                }
                bool block = Blocks.Contains(tag);
                if (block)
                    w.Break(2);
                else if (tag is "td" or "th")
                    w.Space();
                for (var child = el.FirstChild; child is not null; child = child.NextSibling)
                    Walk(child, w, dropChrome);
                if (block)
                    w.Break(2);
                return;
            default:
                for (var child = node.FirstChild; child is not null; child = child.NextSibling)
                    Walk(child, w, dropChrome);
                return;
        }
    }

    private static bool IsHiddenRole(IElement el)
    {
        var role = el.GetAttribute("role");
        return role is not null && (role.Equals("navigation", StringComparison.OrdinalIgnoreCase)
            || role.Equals("banner", StringComparison.OrdinalIgnoreCase)
            || role.Equals("contentinfo", StringComparison.OrdinalIgnoreCase)
            || role.Equals("complementary", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Collapses white space and defers breaks until the next visible character.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private int _pendingBreak;
        private bool _pendingSpace;

        public void Break(int lines)
        {
            if (lines > _pendingBreak)
                _pendingBreak = lines;
            _pendingSpace = false;
        }

        public void Space() => _pendingSpace = true;

        public void Text(string s)
        {
            foreach (char c in s)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    _pendingSpace = true;
                    continue;
                }
                if (_sb.Length > 0)
                {
                    if (_pendingBreak == 2)
                        _sb.Append("\n\n");
                    else if (_pendingBreak == 1)
                        _sb.Append('\n');
                    else if (_pendingSpace)
                        _sb.Append(' ');
                }
                _pendingBreak = 0;
                _pendingSpace = false;
                _sb.Append(c);
            }
        }

        public override string ToString() => _sb.ToString();
    }
}
