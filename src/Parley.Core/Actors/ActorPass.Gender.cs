using Parley.Segmentation;

namespace Parley.Actors;

internal sealed partial class ActorPass
{
    /// <summary>
    /// Sets <see cref="PersonEntity.Gender"/> from what the document says: the words of a title or role ("Queen",
    /// "Ms", "spokeswoman"), the word right before a name ("Kim's sister Kim Yo Jong"), a kin noun opening an
    /// apposition after it ("Kim Yo Jong, left, sister of ..."), and a listed given name ("Maria Lindqvist";
    /// "Kang Kyung-wha", whose given name comes second). Female and male cues together leave it unknown.
    /// </summary>
    private void AssignGenders()
    {
        for (int e = 0; e < _entityDrafts.Count; e++)
        {
            int female = 0, male = 0;
            foreach (var d in _entityDrafts[e])
            {
                if (d.IsPronoun)
                    continue;
                if (d.Title is { } title)
                {
                    if (title.Cues < 0)
                    {
                        int f = 0, m = 0;
                        CountCues(title.Title, ref f, ref m);
                        title.Cues = f + 1000 * m;
                    }
                    female += title.Cues % 1000;
                    male += title.Cues / 1000;
                }
                CountCues(d.Role, ref female, ref male);
                if (d.FirstToken < 0)
                    continue;
                var sentence = _doc.Sentences[d.Sentence];
                int before = d.FirstToken - 1;
                if (before >= sentence.FirstToken && IsWord(before))
                    CountCue(Word(before), ref female, ref male);
                AppositionCues(d.EndToken, sentence.EndToken, ref female, ref male);
            }
            var words = _entityWords[e];
            if (words.Length >= 2)
            {
                bool givenSecond = words.Length == 2 && (IsKoreanShape(words) || (_doc.Entities[e].Country is { } c && _lex.FamilyFirst.Contains(c)));
                if (_lex.GivenNames.Contains(givenSecond ? words[1] : words[0]))
                    female++;
            }
            _doc.Entities[e].Gender = female > 0 && male == 0 ? Gender.Female : male > 0 && female == 0 ? Gender.Male : Gender.Unknown;
        }
    }

    private void CountCues(string? phrase, ref int female, ref int male)
    {
        if (phrase is null)
            return;
        foreach (var range in phrase.AsSpan().Split(' '))
            CountCue(phrase.AsSpan()[range], ref female, ref male);
    }

    private void CountCue(ReadOnlySpan<char> word, ref int female, ref int male)
    {
        if (_lex.FemaleCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            female++;
        else if (_lex.MaleCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            male++;
    }

    /// <summary>
    /// ", left, sister of ...", ", the wife of ...": a cue word right after a comma (or a comma and an article) within
    /// eight tokens after the name, before any other name.
    /// </summary>
    private void AppositionCues(int end, int b, ref int female, ref int male)
    {
        if (end < 0 || end >= b || !Is(end, ","))
            return;
        for (int q = end + 1; q < b && q <= end + 8; q++)
        {
            if (_covered[q] && IsCapWord(q))
                return; // another name or title came first
            if (!IsWord(q))
                continue;
            bool afterComma = Is(q - 1, ",") || (q - 2 > end && Is(q - 2, ",") && (Is(q - 1, "the") || Is(q - 1, "a")));
            if (afterComma)
                CountCue(Word(q), ref female, ref male);
        }
    }

    /// <summary>Whether a pronoun may refer to the entity: "she" never to a man, "he" never to a woman.</summary>
    private bool Fits(int entity, Gender pronoun) =>
        pronoun == Gender.Unknown || _doc.Entities[entity].Gender != (pronoun == Gender.Female ? Gender.Male : Gender.Female);

    /// <summary>The gender a pronoun at token <paramref name="k"/> names: "she", "her", "hers"; "he", "his", "him".</summary>
    private Gender PronounGender(int k)
    {
        var w = Word(k);
        if (w.Equals("she", StringComparison.OrdinalIgnoreCase) || w.Equals("her", StringComparison.OrdinalIgnoreCase))
            return Gender.Female;
        if (w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("his", StringComparison.OrdinalIgnoreCase) || w.Equals("him", StringComparison.OrdinalIgnoreCase))
            return Gender.Male;
        return Gender.Unknown;
    }

    /// <summary>
    /// For "she" and "her": the most recent woman named before <paramref name="position"/> in this sentence or the
    /// three before, other than <paramref name="exclude"/>; null when none is marked female.
    /// </summary>
    private Draft? RecentWoman(List<Draft>[] bySentence, int s, int position, int exclude)
    {
        for (int p = s; p >= 0 && p >= s - 3; p--)
        {
            if (bySentence[p] is not { } list)
                continue;
            for (int i = list.Count - 1; i >= 0; i--)
            {
                var d = list[i];
                if (d.Span.Start < position && d.Entity != exclude && _doc.Entities[d.Entity].Gender == Gender.Female)
                    return d;
            }
        }
        return null;
    }
}
