using Parley.Cleaning;
using Parley.Pipeline;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Documents;

/// <summary>
/// Reads publication date, outlet, headline and dateline from the cleaned text when metadata lacks
/// them. Dates are taken only from the header (the first <see cref="HeaderLines"/> non-blank lines)
/// and from labelled lines ("Published:", "Posted on", "Updated:") anywhere; a date inside a body
/// sentence is an event date, never the publication date.
/// </summary>
/// <remarks>
/// Precedence of the publication date: an override (<c>--published</c>) and metadata are never
/// replaced; a date from the URL is replaced only by a text date that is more precise and agrees
/// with it (the URL gave a month, the text gives the day); otherwise the text date fills an empty
/// <see cref="PublicationInfo.Published"/>. The text date is always kept in
/// <see cref="PublicationInfo.PublishedInText"/>.
/// </remarks>
public sealed class PublicationReader : IDocumentComponent
{
    /// <summary>How many non-blank lines from the top count as the page header.</summary>
    public const int HeaderLines = 6;

    /// <summary>How many non-blank lines from the bottom are read for a sign-off credit.</summary>
    public const int FooterLines = 3;

    /// <summary>A labelled date line outside the header has at most this many words (it is not a sentence).</summary>
    public const int MaxLabelledLineWords = 20;

    private readonly CalendarWords _calendar;
    private readonly PublicationLabels _labels;
    private readonly OutletLexicon _outlets;

    public PublicationReader()
        : this(CalendarWords.Default, PublicationLabels.Default, OutletLexicon.Default) { }

    public PublicationReader(CalendarWords calendar, PublicationLabels labels, OutletLexicon outlets)
    {
        _calendar = calendar;
        _labels = labels;
        _outlets = outlets;
    }

    public string Name => "publication";

    public IReadOnlyList<string> Requires { get; } = [Layers.CleanText];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Publication];

    public void Process(Document doc) => doc.Info = Read(doc.Text, doc.Info, doc.Original);

    /// <summary>
    /// What the text says about its publication, merged into <paramref name="info"/> (what metadata
    /// gave). <paramref name="original"/>, when given, is searched for a sign-off credit the cleaner
    /// dropped (a lone "(Yonhap)" line).
    /// </summary>
    public PublicationInfo Read(string text, PublicationInfo info, string? original = null)
    {
        var found = Scan(text, info.PublishedSource == DateSource.None ? null : info.Published);
        var result = info with { PublishedInText = found.Date?.Date };
        if (found.Date is { } td && td.HasYear)
            result = MergeDate(result, td);
        result = result with
        {
            Dateline = info.Dateline ?? found.Dateline,
            Headline = info.Headline ?? found.Headline,
            // Scan already read the text's last lines: the original needs reading only when it differs.
            Outlet = info.Outlet ?? found.Outlet ?? (original is null || original == text ? null : FindSignOff(original))?.Name,
        };
        return result;
    }

    /// <summary>The date (with year resolved), dateline, headline and outlet the text shows, ignoring metadata.</summary>
    public TextFindings Scan(string text, PartialDate? yearHint = null)
    {
        var lines = t_lines ??= new List<TextLine>(256);
        TextLines.Split(text, lines);
        Span<int> headerLines = stackalloc int[HeaderLines];
        int headerCount = 0;
        for (int i = 0; i < lines.Count && headerCount < HeaderLines; i++)
        {
            if (!lines[i].IsBlank)
                headerLines[headerCount++] = i;
        }
        ReadOnlySpan<int> header = headerLines[..headerCount];

        Dateline? dateline = null;
        int datelineLine = -1;
        foreach (int i in header)
        {
            if (DatelineParser.Parse(text, lines[i].Content, _labels, _calendar) is { } d)
            {
                dateline = d;
                datelineLine = i;
                break;
            }
        }

        var date = FindDate(text, lines, header, dateline, datelineLine, yearHint);
        string? headline = FindHeadline(text, lines, header, datelineLine);
        var outlet = FindByline(text, lines, header, dateline) ?? FindSignOff(text) ?? FindCaptionCredit(text, lines, header);
        return new TextFindings(date, dateline is { } dl ? dl.City.Slice(text) : null, headline, outlet?.Name);
    }

    /// <summary>The lines of the text being scanned, per thread (a buffer reused from one article to the next).</summary>
    [ThreadStatic]
    private static List<TextLine>? t_lines;

    /// <summary>The dates of one header line, per thread.</summary>
    [ThreadStatic]
    private static List<TextDate>? t_dates;

    private static PublicationInfo MergeDate(PublicationInfo info, TextDate td)
    {
        var date = td.Date!.Value;
        switch (info.PublishedSource)
        {
            case DateSource.None:
                return info with { Published = date, PublishedTime = td.Time, PublishedSource = DateSource.Text };
            case DateSource.Url when info.Published is { } url && url.Precision < date.Precision && url.IsCompatibleWith(date):
                return info with { Published = date, PublishedTime = td.Time ?? info.PublishedTime, PublishedSource = DateSource.Text };
            case DateSource.Url when info.Published is null:
                return info with { Published = date, PublishedTime = td.Time, PublishedSource = DateSource.Text };
            default:
                return info;
        }
    }

    // ---- date ------------------------------------------------------------------------------

    /// <summary>Candidates ranked: lower is better.</summary>
    private enum Rank
    {
        HeaderPublishedLabel,
        HeaderDateline,
        PublishedLabel,
        UpdatedLabel,
        YearlessDateline,
    }

    private TextDate? FindDate(string text, List<TextLine> lines, ReadOnlySpan<int> header, Dateline? dateline, int datelineLine, PartialDate? yearHint)
    {
        TextDate? best = null;
        Rank bestRank = Rank.YearlessDateline + 1;
        PartialDate? headerYearSource = null;

        void Offer(TextDate d, Rank r)
        {
            if (r < bestRank)
            {
                best = d;
                bestRank = r;
            }
        }

        // The header is every non-blank line up to its last one.
        int headerEnd = header.IsEmpty ? -1 : header[^1];
        var dates = t_dates ??= [];
        foreach (int i in header)
        {
            var content = lines[i].Content;
            TextDateScanner.FindAll(text, content, _calendar, dates);
            foreach (var d in dates)
            {
                if (d.HasYear)
                {
                    headerYearSource ??= d.Date;
                    break;
                }
            }
            if (FindLabelled(text, content) is { } labelled)
                Offer(labelled.Date, labelled.Kind == LabelKind.Published ? Rank.HeaderPublishedLabel : Rank.UpdatedLabel);
            if (dates.Count == 0)
                continue;
            if (i == datelineLine && dateline is { } dl)
            {
                foreach (var d in dates)
                {
                    if (d.Span.Start < dl.Head.End)
                    {
                        Offer(d, d.HasYear ? Rank.HeaderDateline : Rank.YearlessDateline);
                        break;
                    }
                }
            }
            if (IsDateLine(text, content, dates[0]))
                Offer(dates[0], dates[0].HasYear ? Rank.HeaderDateline : Rank.YearlessDateline);
        }

        if (bestRank > Rank.PublishedLabel)
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].IsBlank || i <= headerEnd || lines[i].Content.Length > 300)
                    continue;
                if (FindLabelled(text, lines[i].Content) is { } labelled)
                    Offer(labelled.Date, labelled.Kind == LabelKind.Published ? Rank.PublishedLabel : Rank.UpdatedLabel);
            }
        }

        if (best is { HasYear: false } yearless)
        {
            var reference = headerYearSource ?? yearHint;
            if (reference is not { } r)
                return null;
            int year = ResolveYear(yearless.Month, yearless.Day, r);
            if (year == 0)
                return null;
            return yearless with { Year = year };
        }
        return best;
    }

    /// <summary>The year that puts day and month closest to a reference date ("Dec. 31" near 2021-01-02 is 2020).</summary>
    internal static int ResolveYear(int month, int day, PartialDate reference)
    {
        if (reference.Precision == DatePrecision.Year)
            return day <= DateTime.DaysInMonth(reference.Year, month) ? reference.Year : 0;
        var anchor = reference.Precision == DatePrecision.Month
            ? new DateOnly(reference.Year, reference.Month, 15)
            : reference.AsDate!.Value;
        int bestYear = 0;
        int bestDistance = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month))
                continue;
            int distance = Math.Abs(new DateOnly(y, month, day).DayNumber - anchor.DayNumber);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestYear = y;
            }
        }
        return bestYear;
    }

    /// <summary>
    /// A line that is only a date, give or take a time, a time zone, a weekday and a byline:
    /// "May 3, 2022 - 09:30 By Yonhap", "Feb 10, 2018, 2:24 AM ET", "Wed, 24 Jan 2024 - 07:24 GMT".
    /// At most four other words, none of them a lowercase word of three letters or more.
    /// </summary>
    private static bool IsDateLine(string text, TextSpan content, TextDate date)
    {
        int others = 0;
        int i = content.Start;
        while (i < content.End)
        {
            if (date.Span.Contains(i))
            {
                i = date.Span.End;
                continue;
            }
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int s = i;
            while (i < content.End && char.IsLetter(text[i]) && !date.Span.Contains(i))
                i++;
            others++;
            if (char.IsLower(text[s]) && i - s >= 3)
                return false;
        }
        return others <= 4;
    }

    private readonly record struct Labelled(TextDate Date, LabelKind Kind);

    /// <summary>
    /// "Published : Nov. 1, 2021 - 15:35", "By YonhapPublished : ...", "Posted on March 3, 2020",
    /// "Written: 2021-01-27 15:55:37Updated: 2021-01-27 18:38:15" (the published label wins).
    /// The label must be capitalised or followed by ':' (so "was published on May 3" in a sentence
    /// is not a label), the date must follow it at once, and the line must be short.
    /// </summary>
    private Labelled? FindLabelled(string text, TextSpan content)
    {
        // Every date form has ASCII digits: a line without any has no labelled date.
        if (!content.AsSpan(text).ContainsAnyInRange('0', '9') || LineShape.WordCount(content.AsSpan(text), MaxLabelledLineWords + 1) > MaxLabelledLineWords)
            return null;
        Labelled? updated = null;
        int i = content.Start;
        int end = content.End;
        while (i < end)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int s = i;
            while (i < end && char.IsLetter(text[i]))
                i++;
            var word = text.AsSpan(s, i - s);
            var kind = _labels.KindOf(word);
            int labelStart = s;
            if (kind is not (LabelKind.Published or LabelKind.Updated))
            {
                int glued = _labels.GluedDateLabelLength(word, out kind);
                if (glued == 0)
                    continue;
                labelStart = i - glued;
            }
            int k = TextDateScanner.SkipSpaces(text, i, end);
            bool colon = k < end && text[k] == ':';
            if (colon)
                k = TextDateScanner.SkipSpaces(text, k + 1, end);
            if (!colon && !char.IsUpper(text[labelStart]))
                continue;
            k = SkipWord(text, k, end, "on");
            k = SkipWord(text, k, end, "at");
            k = SkipWeekday(text, k, end);
            if (TextDateScanner.TryReadAt(text, k, end, _calendar, out var date) && date.HasYear)
            {
                if (kind == LabelKind.Published)
                    return new Labelled(date, kind);
                updated ??= new Labelled(date, kind);
            }
        }
        return updated;
    }

    private static int SkipWord(string text, int k, int end, string word)
    {
        if (k + word.Length < end && text.AsSpan(k, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase) && text[k + word.Length] == ' ')
            return TextDateScanner.SkipSpaces(text, k + word.Length, end);
        return k;
    }

    private int SkipWeekday(string text, int k, int end)
    {
        int e = k;
        while (e < end && char.IsAsciiLetter(text[e]))
            e++;
        if (e == k || _calendar.Weekday(text.AsSpan(k, e - k)) == 0)
            return k;
        if (e < end && text[e] == '.')
            e++;
        if (e < end && text[e] == ',')
            e++;
        return TextDateScanner.SkipSpaces(text, e, end);
    }

    // ---- headline ----------------------------------------------------------------------------

    /// <summary>
    /// The first header line that reads like a title: 3–25 words, no final period, no sentence break
    /// inside, not a date line, byline, label line or dateline. Reading stops at the first prose line.
    /// </summary>
    private string? FindHeadline(string text, List<TextLine> lines, ReadOnlySpan<int> header, int datelineLine)
    {
        foreach (int i in header)
        {
            var line = lines[i];
            var content = line.Content.AsSpan(text);
            if (i == datelineLine || LineShape.IsProse(content))
                return null;
            int words = LineShape.WordCount(content, 26);
            if (words > 25)
                return null; // a long line is body or caption: the title, if any, came before it
            if (words < 3 || EndsWithPeriod(content) || HadBullet(text, line))
                continue;
            if (content.StartsWith("By ", StringComparison.Ordinal) || content[0] is '(' or '[' || content.Contains('@')
                || content.Contains(" | ", StringComparison.Ordinal) || HasSentenceBreak(content))
                continue;
            if (TextDateScanner.ContainsDate(text, line.Content, _calendar) || FindLabelled(text, line.Content) is not null)
                continue;
            return content.ToString();
        }
        return null;
    }

    private static bool EndsWithPeriod(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd().TrimEnd("\"'”’".AsSpan());
        return s.Length > 0 && s[^1] is '.' or '!';
    }

    /// <summary>A caption or list item ("• Bloomberg") is not the headline.</summary>
    private static bool HadBullet(string text, TextLine line) =>
        text.AsSpan(line.Span.Start, line.Content.Start - line.Span.Start).ContainsAnyExcept(" \t\u00A0");

    /// <summary>". " after a lowercase word of five letters or more: a sentence ends inside the line ("on Friday. The").</summary>
    private static bool HasSentenceBreak(ReadOnlySpan<char> s)
    {
        for (int i = 5; i < s.Length - 1; i++)
        {
            if (s[i] is not ('.' or '!' or '?') || s[i + 1] != ' ')
                continue;
            int w = i;
            while (w > 0 && char.IsLetter(s[w - 1]))
                w--;
            if (i - w >= 5 && char.IsLower(s[i - 1]))
                return true;
        }
        return false;
    }

    // ---- outlet ------------------------------------------------------------------------------

    /// <summary>A byline or credit at the top: "By Yonhap", "(TDI)" in the dateline, a line that is only an outlet's name.</summary>
    private Outlet? FindByline(string text, List<TextLine> lines, ReadOnlySpan<int> header, Dateline? dateline)
    {
        foreach (int i in header)
        {
            var span = lines[i].Content;
            var content = span.AsSpan(text);
            if (dateline is { Credit: { } credit } && span.Contains(credit))
            {
                if (FindInParens(credit.AsSpan(text)) is { } o)
                    return o;
            }
            int by = FindBy(content);
            if (by >= 0 && _outlets.FindAtStart(content[(by + 3)..]) is { } byOutlet)
                return byOutlet;
            if (_outlets.Find(content) is { } whole)
                return whole;
        }
        return null;
    }

    /// <summary>The start of "By " at the line start or after a space, followed by a capital; -1 if none.</summary>
    private static int FindBy(ReadOnlySpan<char> s)
    {
        int from = 0;
        while (from < s.Length)
        {
            int k = s[from..].IndexOf("By ", StringComparison.Ordinal);
            if (k < 0)
                return -1;
            k += from;
            if ((k == 0 || s[k - 1] == ' ') && k + 3 < s.Length && char.IsUpper(s[k + 3]))
                return k;
            from = k + 3;
        }
        return -1;
    }

    /// <summary>The content of a credit in parentheses up to the first '/', ' -', ':' or ',' ("UrduPoint News / Sputnik - ...").</summary>
    private Outlet? FindInParens(ReadOnlySpan<char> inside)
    {
        int cut = inside.IndexOfAny('/', ':', ',');
        int dash = inside.IndexOf(" -", StringComparison.Ordinal);
        if (dash >= 0 && (cut < 0 || dash < cut))
            cut = dash;
        return _outlets.Find(cut >= 0 ? inside[..cut] : inside);
    }

    /// <summary>A sign-off in the last lines: "... (Yonhap)", "— ONA", "Kim Bum-soo, KBS World Radio News.", "(Colombo Gazette)".</summary>
    private Outlet? FindSignOff(string text)
    {
        // The lines of TextLines.Split, walked from the end: a final line break opens no line.
        int end = text.Length;
        if (end > 0 && text[end - 1] == '\n')
            end--;
        int seen = 0;
        while (end >= 0 && seen < FooterLines)
        {
            int nl = end > 0 ? text.LastIndexOf('\n', end - 1) : -1;
            var content = TextLines.ContentOf(text, nl + 1, end);
            if (!content.IsEmpty)
            {
                seen++;
                if (EndCredit(content.AsSpan(text)) is { } o)
                    return o;
            }
            end = nl;
        }
        return null;
    }

    /// <summary>A credit glued to a caption at the top ("... Feb. 10, 2018.The Associated Press").</summary>
    private Outlet? FindCaptionCredit(string text, List<TextLine> lines, ReadOnlySpan<int> header)
    {
        foreach (int i in header)
        {
            if (EndCredit(lines[i].Content.AsSpan(text)) is { } o)
                return o;
        }
        return null;
    }

    /// <summary>
    /// An outlet at the end of a line, after a separator: "(X)" or "(X)." at the end, "— X", "-- X",
    /// ", X.", ".X", or the whole line. A name after a plain space ("according to Reuters.") is not
    /// a credit.
    /// </summary>
    private Outlet? EndCredit(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd().TrimEnd('.');
        if (t.IsEmpty)
            return null;
        if (t[^1] == ')')
        {
            int open = t.LastIndexOf('(');
            return open >= 0 ? FindInParens(t[(open + 1)..^1]) : null;
        }
        if (_outlets.Find(t) is { } whole)
            return whole;
        // Try the last one to six words, longest first, each after a separator.
        int words = 0;
        Outlet? found = null;
        for (int k = t.Length - 1; k >= 0 && words < 6; k--)
        {
            char c = t[k];
            if (c is ' ' or ',' or '.' or '—' or '–' or '-' or '|')
            {
                if (c == ' ')
                    words++;
                var candidate = t[(k + 1)..].Trim();
                if (candidate.IsEmpty)
                    continue;
                int sep = k;
                while (sep >= 0 && t[sep] == ' ')
                    sep--;
                bool afterSeparator = sep >= 0 && t[sep] is ',' or '.' or '—' or '–' or '-' or '|';
                if (afterSeparator && _outlets.Find(candidate) is { } o)
                    found = o;
            }
        }
        return found;
    }
}

/// <summary>What a text says about its own publication, before metadata is taken into account.</summary>
public sealed record TextFindings(TextDate? Date, string? Dateline, string? Headline, string? Outlet);
