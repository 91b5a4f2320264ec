using Parley.Actors;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Segmentation;
using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>Where a contact phrase's clause, subject window and object window begin and end.</summary>
internal sealed partial class SentenceContext
{

    /// <summary>"The fourth 2+2 dialogue between India and the US was held in Washington": a passive light verb.</summary>
    private bool PassiveSupportFollows(int from, int b)
    {
        for (int i = from; i < b && i < from + 10; i++)
        {
            if (_lower[i] is "was" or "were" or "had" or "have" or "has" && i + 1 < b)
            {
                int j = i + 1;
                if (_lower[j] == "been" && j + 1 < b)
                    j++;
                return _lower[j] is "held" or "conducted" or "launched" or "opened" or "resumed" or "completed";
            }
            if (_lower[i] is "took" && i + 1 < b && _lower[i + 1] == "place")
                return true;
            if (_lower[i] is "," or ";")
                return false;
        }
        return false;
    }

    /// <summary>"after meeting her Albanian counterpart": an -ing form with an object is a verb.</summary>
    private bool GerundWithObject(int i, int len, int b)
    {
        if (!_lower[i + len - 1].EndsWith("ing", StringComparison.Ordinal) || i + len >= b)
            return false;
        int n = i + len;
        return _lower[n] is "his" or "her" or "their" or "its" or "the" or "a" or "an" || _mentionAt[n] >= 0 || !IsLowerCaseWord(n);
    }

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "first", "second",
        "third", "last", "next", "official", "state", "working", "private", "brief", "planned", "upcoming", "surprise", "rare",
        "historic", "separate", "bilateral", "trilateral", "two-day", "three-day", "'s", "\u2019s", "whose", "such", "another",
        "for", "in", "during", "after", "before", "at", "following", "ahead", "of", "amid", "since", "without", "through",
    };

    /// <summary>Whether the token before a verb-or-noun trigger makes it a noun ("his visit", "a meeting").</summary>
    private bool IsNounContext(int previous) =>
        NounDeterminers.Contains(_lower[previous]) || (IsNumberToken(previous))
        || (IsLowerCaseWord(previous) && _lower[previous].Contains('-') && IsWordToken(previous)) // "face-to-face meeting"
        || (IsLowerCaseWord(previous) && _lower[previous].EndsWith("ed", StringComparison.Ordinal) && previous > 0
            && (NounDeterminers.Contains(_lower[previous - 1]) || _lower[previous - 1].EndsWith("ly", StringComparison.Ordinal)))
        || _lower[previous].EndsWith("'s", StringComparison.Ordinal) || _lower[previous].EndsWith("\u2019s", StringComparison.Ordinal)
        || _lower[previous].EndsWith("-day", StringComparison.Ordinal) || _lower[previous].EndsWith("-minute", StringComparison.Ordinal)
        || _lower[previous].EndsWith("-hour", StringComparison.Ordinal);

    private static readonly HashSet<string> AfterNoun = new(StringComparer.Ordinal)
    {
        "with", "between", "of", "on", "in", "at", "to", "was", "were", "is", "are", "has", "had", "have", "will", "would",
        "took", "takes", "lasted", "lasts", "came", "comes", "ended", "began", "held", "and", "or", "that", "which", "where",
        "last", "this", "next", "for", "by", "via", "over", "since", "after", "before", "among", "amid", "earlier", "later",
        "today", "yesterday", "tomorrow", "ahead", "set", "scheduled", "slated", "due", "planned", "expected", "here", "there",
        "so", "as", "when", "while", "from", "but", "took", "place", "went", "did", "does", "could", "may", "might", "should",
    };

    /// <summary>"bilateral relations", "summit declaration": the contact word is an adjective here.</summary>
    private bool ModifiesFollowingNoun(int next)
    {
        if (next >= _tokenCount || !IsWordToken(next) || !IsLowerCaseWord(next))
            return false;
        if (MayStartTrigger(next))
            return false;
        if (AfterNoun.Contains(_lower[next]))
            return false;
        // "The 85-minute meeting covered ...", "the talks largely focused on ...": a verb in the past tense
        // (after an adverb, perhaps) makes the contact word the subject of its clause, not a modifier.
        int verb = next;
        if (_lower[verb].Length > 4 && _lower[verb].EndsWith("ly", StringComparison.Ordinal))
            verb++;
        return !IsPastVerb(verb, _tokenCount);
    }

    /// <summary>
    /// "on the sidelines of the Group of 20 summit", "the ASEAN summit": a multilateral gathering named
    /// as the setting of a contact, not a contact itself.
    /// </summary>
    private bool IsGathering(int a, int noun)
    {
        int i = noun - 1;
        if (i >= a && _mentionCover[i] >= 0 && _doc.Mentions[_mentionCover[i]].Kind == MentionKind.Organisation)
            return true;
        for (int k = noun - 1; k >= a && k >= noun - 8; k--)
            if (_lower[k] == "of" && k > a && _lower[k - 1] is "sidelines" or "margins" or "sideline" or "margin")
                return true;
            else if (_lower[k] is "," or ";")
                break;
        return false;
    }

    private bool OnlyModifiersBetween(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            var tok = _doc.Tokens[i];
            if (tok.Kind == TokenKind.Number)
                continue;
            if (tok.Kind != TokenKind.Word && _lower[i] != "-")
                return false;
            if (_mentionCover[i] >= 0 && _doc.Mentions[_mentionCover[i]].Kind is MentionKind.Person)
                return false;
            // "has cancelled a planned visit", "had earlier been expected to visit": a verb between them
            // makes it another predicate, whose cues must be read.
            if (MayStartCue(i) && CueMatch(i, i + 1, out var cue) == 1 && cue is { Effect: CueEffect.Block })
                return false;
            if (_lower[i] is "to" or "been" or "be" or "being" or "expected" or "set" or "due" or "scheduled" or "going" or "will" or "would")
                return false;
        }
        return true;
    }

    /// <summary>"a bilateral meeting ... has not been confirmed": a verb group right after the noun phrase.</summary>
    private bool NegatesNoun(int nounEnd, int cue)
    {
        for (int k = nounEnd; k < cue; k++)
            if (_lower[k] is "has" or "have" or "had" or "was" or "were" or "is" or "are" or "will" or "would" or "did" or "does")
                return cue - k <= 3;
        return false;
    }

    private int PresupposingPreposition(int left, int noun)
    {
        // The preposition may be the clause frame that starts the noun's clause ("after talks at State House").
        for (int i = noun - 1; i >= left - 1 && i >= 0 && i >= noun - 5; i--)
        {
            if (_lower[i] is "during" or "at" or "after" or "following" or "throughout")
                return i;
            if (!IsWordToken(i) && !IsNumberToken(i) && _lower[i] != "-")
                return -1;
        }
        return -1;
    }

    /// <summary>
    /// "BEIJING, March 20 (Harbour Daily) -- ...", "SOCHI (TASS): ...": the token after a dateline at the
    /// start of a sentence, or <paramref name="a"/>. The dateline's city is where the report was filed,
    /// not a party.
    /// </summary>
    private int AfterDateline(int a, int b)
    {
        if (_mentionAt[a] < 0 || _doc.Mentions[_mentionAt[a]].Kind is not (MentionKind.Metonym or MentionKind.Place))
            return a;
        for (int i = a + 1; i < b && i < a + 16; i++)
        {
            if (_lower[i] is "\u2014" or "\u2013" or ":" || (_lower[i] == "-" && i + 1 < b && _lower[i + 1] == "-"))
                return _lower[i] == "-" ? i + 2 : i + 1;
            // "BRASILIA, July 8, 2025 - President ...", "ATHENS, Dec 7 (Reuters) - ...": a lone dash after the date or credit.
            if (_lower[i] == "-" && i > a && (_lower[i - 1] == ")" || IsNumberToken(i - 1))
                && _doc.Tokens[i].Span.Start > _doc.Tokens[i - 1].Span.End)
                return i + 1;
            if (IsWordToken(i) && IsLowerCaseWord(i) && _lower[i] is not ("by" or "news" or "agency"))
                return a; // prose started: no dateline
        }
        return a;
    }

    private bool IsClosedRelative(int word, int trigger) =>
        _lower[word] is "who" or "which" or "whose" or "whom" && word > 0 && _lower[word - 1] == ","
        && _lower.AsSpan(word + 1, trigger - word - 1).Contains(",") && _lower[trigger - 1] == ",";

    /// <summary>The token range of a closed relative clause in [from, to): ", who represented India,".</summary>
    private (int Start, int End)? RelativeAside(int from, int to)
    {
        for (int i = from; i < to; i++)
            if (Has(i, ContactLexicon.RelativeWord) && i > from && Has(i - 1, ContactLexicon.Comma))
                for (int j = i + 1; j < to; j++)
                    if (Has(j, ContactLexicon.Comma))
                        return (i - 1, j + 1);
        return null;
    }

    private int LeftBound(int a, int trigger)
    {
        a = Math.Min(AfterDateline(a, trigger), trigger);
        for (int i = trigger - 1; i > a; i--)
        {
            if (!MayStartFrame(i))
                continue;
            int len = FrameMatch(i, trigger, out var kinds);
            if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Clause) >= 0 && IsLowerCaseWord(i))
            {
                // "Jaishankar, who represented India, held ...": a relative clause closed before the
                // trigger is an aside; the subject is before it.
                if (IsClosedRelative(i, trigger))
                    continue;
                return i + len;
            }
        }
        // "Despite the cancellation of his trip, Pompeo still plans to visit Japan": a sentence that opens
        // with a subordinator keeps that clause to its first comma.
        if (MayStartFrame(a) && FrameMatch(a, trigger, out var first) > 0
            && first is not null && Array.IndexOf(first, FrameKind.Clause) >= 0)
        {
            for (int i = a + 1; i < trigger; i++)
                if (_lower[i] == ",")
                    return i + 1;
        }
        return a;
    }

    /// <summary>The end of the object window: the first topic, clause or reporting word after the trigger.</summary>
    private int RightBound(int from, int b)
    {
        Bounds(from, b, out int right, out _);
        return right;
    }

    /// <summary>"on Tuesday", "on the sidelines of", "over the phone", "a courtesy call on Minister Lee": no topic starts there.</summary>
    private bool Has(int i, int bits) => (_flags[i] & bits) != 0;

    private bool NotATopic(string lower, int i, int b) =>
        (lower == "over" && i + 2 < b && _lower[i + 1] == "the" && _lower[i + 2] is "phone" or "telephone")
        || (lower == "on" && i + 1 < b && (IsTimeToken(i + 1) || PersonStartsNear(i + 1, b) || _lower[i + 1] == "the" && i + 2 < b && _lower[i + 2] is "sidelines" or "margins"));

    /// <summary>"a courtesy call on Unification Minister Lee": a person right after the preposition.</summary>
    private bool PersonStartsNear(int from, int b)
    {
        // "a courtesy call on Unification Minister Lee", "China's special representative on Korean
        // Peninsula affairs Wei Lanfang": a person within a few words, before any punctuation or verb.
        for (int i = from; i < b && i < from + 7; i++)
        {
            int mi = _mentionCover[i];
            if (mi >= 0 && _doc.Mentions[mi].Kind == MentionKind.Person)
                return true;
            if (!IsWordToken(i) || MayStartTrigger(i) || MayStartFrame(i) && _lower[i] is not ("the"))
                return false;
        }
        return false;
    }

    /// <summary>
    /// <see cref="RightBound"/> and the end of the trigger's clause (where a later clause starts, for cues and
    /// times: a semicolon, a reporting chunk after a comma, a coordinated predicate, a clause or report frame word)
    /// in one walk: the two stop at mostly the same words, so each token's frame lookup and each comma's look
    /// ahead are done once for both.
    /// </summary>
    private void Bounds(int from, int b, out int right, out int clauseEnd)
    {
        right = -1;
        clauseEnd = -1;
        for (int i = from; i < b && (right < 0 || clauseEnd < 0); i++)
        {
            int flags = _flags[i];
            if ((flags & ContactLexicon.Semicolon) != 0)
            {
                if (right < 0)
                    right = i;
                if (clauseEnd < 0)
                    clauseEnd = i;
                continue;
            }
            if ((flags & ContactLexicon.Comma) != 0)
            {
                bool report = ReportingChunkFollows(i + 1, b);
                if (right < 0 && (report || CommaStartsClause(i + 1, b)))
                    right = i;
                if (clauseEnd < 0 && report)
                    clauseEnd = i;
                if (right >= 0 && clauseEnd >= 0)
                    break;
            }
            else if ((flags & ContactLexicon.AndThen) != 0 && (CoordinatedTriggerAt(i + 1, b) > 0 || IsPastVerb(i + 1, b)))
            {
                if (right < 0)
                    right = i;
                if (clauseEnd < 0)
                    clauseEnd = i;
                continue;
            }
            if ((flags & ContactLexicon.StartsFrame) == 0)
                continue;
            int len = FrameMatch(i, b, out var kinds);
            if (len == 0 || kinds is null)
                continue;
            bool clause = Array.IndexOf(kinds, FrameKind.Clause) >= 0, report2 = Array.IndexOf(kinds, FrameKind.Report) >= 0;
            if (clauseEnd < 0 && (clause || report2) && IsLowerCaseWord(i))
                clauseEnd = i;
            if (right < 0 && (clause || report2 || Array.IndexOf(kinds, FrameKind.Topic) >= 0) && !NotATopic(_lower[i], i, b) && IsLowerCaseWord(i))
                right = i;
        }
        if (right < 0)
            right = b;
        if (clauseEnd < 0)
            clauseEnd = b;
    }

    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "told", "met", "held", "made", "took", "gave", "went", "spoke", "sent", "left", "came", "became", "saw",
        "thought", "brought", "sought", "wrote", "began", "put", "set", "paid", "won", "lost", "kept", "laid",
    };

    /// <summary>"called Kang and asked for ...": a past-tense verb after "and" starts another predicate.</summary>
    private bool IsPastVerb(int i, int b)
    {
        if (i < b && _lower[i] is "also" or "then" or "later")
            i++;
        if (i >= b || !IsLowerCaseWord(i) || !IsWordToken(i))
            return false;
        var w = _lower[i];
        return IrregularPast.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && _mentionCover[i] < 0);
    }

    /// <summary>
    /// "greet the delegation ... and also hold summit talks with ...": the token where a coordinated
    /// contact predicate starts after "and", or 0.
    /// </summary>
    private int CoordinatedTriggerAt(int from, int b)
    {
        int i = from;
        if (i < b && _lower[i] is "also" or "then" or "later" or "separately")
            i++;
        if (i >= b || !IsLowerCaseWord(i) || !MayStartTrigger(i))
            return 0;
        int len = TriggerMatch(i, b, out var t);
        return len > 0 && t is not null && t.Kind is TriggerKind.Verb or TriggerKind.Support ? i : 0;
    }

    /// <summary>", Beijing's top envoy is set to meet": a comma after which a new subject and verb start.</summary>
    private bool CommaStartsClause(int from, int b)
    {
        for (int i = from; i < b && i < from + 12; i++)
        {
            if (Has(i, ContactLexicon.Comma | ContactLexicon.Semicolon | ContactLexicon.FullStop))
                return false;
            if (Has(i, ContactLexicon.Auxiliary))
                return true;
            if (i > from && MayStartTrigger(i) && IsLowerCaseWord(i))
            {
                int len = TriggerMatch(i, b, out var t);
                if (len > 0 && t is not null && t.Kind is TriggerKind.Verb or TriggerKind.Support && !_lower[i].EndsWith("ing", StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private bool ReportingChunkFollows(int from, int b)
    {
        for (int i = from; i < b && i < from + 8; i++)
        {
            if (Has(i, ContactLexicon.Comma | ContactLexicon.Semicolon | ContactLexicon.FullStop))
                return false;
            if (!MayStartFrame(i))
                continue;
            int len = FrameMatch(i, b, out var kinds);
            if (len > 0 && kinds is not null && Array.IndexOf(kinds, FrameKind.Report) >= 0)
                return true;
        }
        return false;
    }

    private bool HasWithObject(int from, int right)
    {
        for (int i = from; i < right && i < from + 6; i++)
        {
            if (_lower[i] is "with" or "to")
            {
                for (int j = i + 1; j < right && j < i + 10; j++)
                    if (_mentionCover[j] >= 0 && IsParticipantKind(_doc.Mentions[_mentionCover[j]]))
                        return true;
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// The subject window: after an introductory phrase closed by a comma ("With a week left before ...,
    /// Beijing's top envoy is set to meet") only the part after the last comma counts, when it names an actor.
    /// </summary>
    internal static readonly HashSet<string> IntroWords = new(StringComparer.Ordinal)
    {
        "with", "after", "despite", "in", "on", "at", "during", "following", "amid", "as", "since", "while", "hours", "days",
        "earlier", "later", "last", "meanwhile", "however", "separately", "also", "then", "thereafter", "according", "ahead",
        "before", "under", "upon", "for", "by", "when", "if", "although", "though", "because", "once", "until", "two", "three",
    };

    private int? MainClauseAfterIntro(int from, int b)
    {
        for (int i = from; i < b && i < from + 15; i++)
            if (_lower[i] == ",")
                return i + 1;
        return null;
    }

    /// <summary>Whether the trigger follows "and (also)" after an earlier contact predicate of the sentence.</summary>
    private bool IsCoordinated(int a, int trigger)
    {
        int i = trigger - 1;
        if (i > a && _lower[i] is "also" or "then" or "later" or "separately")
            i--;
        return i > a && _lower[i] is "and" or "then";
    }

    private bool AppealFollows(int from, int right, int b)
    {
        for (int i = from; i < b && i < from + 10; i++)
            if (_lower[i] == "to" && i + 1 < b && IsLowerCaseWord(i + 1) && IsWordToken(i + 1) && _mentionCover[i + 1] < 0)
                return true;
        return false;
    }

    /// <summary>
    /// "called Putin a killer", "called the summit a success": the object named as something, not telephoned
    /// ("called Putin a day after the vote" is a call: the article starts a time).
    /// </summary>
    private bool NamesObjectAs(int from, int b)
    {
        if (from >= b || _mentionCover[from] < 0)
            return false;
        int i = AfterNames(from, b);
        return i + 1 < b && _lower[i] is "a" or "an" && !_inTime[i] && !_inTime[i + 1] && !MayStartTrigger(i + 1);
    }

    /// <summary>The token after the actor phrase at <paramref name="from"/>: its mentions and the capitalised title words between them ("Russian President Vladimir Putin").</summary>
    private int AfterNames(int from, int b)
    {
        int i = from;
        while (i < b && (_mentionCover[i] >= 0 && _mentionLast[_mentionCover[i]] >= i || IsWordToken(i) && !IsLowerCaseWord(i)))
            i = Math.Max(i + 1, _mentionCover[i] >= 0 ? _mentionLast[_mentionCover[i]] + 1 : 0);
        return i;
    }

    /// <summary>The first party of the main clause's object when its verb addresses someone ("Harris told Starmer"), else none.</summary>
    private List<Found> AddresseeOf(int main, int b)
    {
        int verb = AfterNames(main, b);
        if (verb >= b || !MayStartFrame(verb))
            return [];
        int len = FrameMatch(verb, b, out var kinds);
        if (len == 0 || kinds is null || Array.IndexOf(kinds, FrameKind.Address) < 0)
            return [];
        var found = Collect(verb + len, RightBound(verb + len, b), allowGroup: false);
        if (found.Count > 1)
            found.RemoveRange(1, found.Count - 1);
        return found;
    }

    /// <summary>A contact noun's own arguments follow a preposition: "talks with", "the meeting of", "visit to".</summary>
    private bool StartsWithPreposition(int from, int right)
    {
        int i = from;
        while (i < right && _inTime[i])
            i++; // "a phone call today from ...", "talks on Tuesday with ..."
        if (i < right && _lower[i] is "," or "(")
            return false;
        return i < right && _lower[i] is "with" or "between" or "of" or "to" or "in" or "on" or "among" or "involving" or "by" or "at" or "from";
    }

    /// <summary>"the talks", "the 40-minute meeting", "this visit": a contact already reported.</summary>
    private bool IsDefinite(int left, int noun)
    {
        for (int i = noun - 1; i >= left && i >= noun - 4; i--)
        {
            if (_lower[i] is "the" or "this" or "that" or "these")
                return true;
            if (_doc.Tokens[i].Kind is TokenKind.Word or TokenKind.Number && IsLowerCaseWord(i) || _lower[i] == "-")
                continue;
            return false;
        }
        return false;
    }
}
