using Parley.Temporal;
using Parley.Text;

namespace Parley.Events;

/// <summary>A participant while the extractor is still working on an event.</summary>
internal sealed class CandidateParticipant
{
    public string? Name;
    public string? Country;
    public string? Role;
    public int Entity = -1;

    public CandidateParticipant Clone() => new() { Name = Name, Country = Country, Role = Role, Entity = Entity };
}

/// <summary>One contact as read from one sentence, before merging within the document.</summary>
internal sealed class CandidateEvent
{
    public EventStatus Status;
    public ContactMode Mode;
    public bool StrongMode;
    public PartialDate? Date;
    public string? DatePhrase;
    public List<CandidateParticipant> Participants = [];
    public Location? Location;
    public int? DurationMinutes;
    public List<string> Topics = [];
    public List<TextSpan> Evidence = []; // cleaned-text sentence spans
    public int Sentence;
    public bool FromCaption;
    public bool InLead;
    public int ObjectStart = -1; // participants from here on came from the object window
    public bool Separately;
    public bool VisitSplit;
    public string? HostCountry; // "Macron will host Modi": the country that receives // "visited Tajikistan and Turkmenistan": each visit is in its host country
    public CandidateEvent? RefersTo; // "the call", "the talks": the contact this report names again
    public string? Sender;
    public bool UnknownPlace; // the clause names a place the gazetteers do not know ("in Hawaii") // who wrote a written contact (name or country), when the text says
    public bool HasOwnTime => Date is not null || DatePhrase is not null; // "met separately with A and B": one contact per object // reported by the lead sentence (see ContactExtractor.LeadSentence)

    /// <summary>The distinct countries of the participants, in order (a handful: no LINQ on this hot path).</summary>
    public List<string> Countries
    {
        get
        {
            var list = new List<string>(Participants.Count);
            foreach (var p in Participants)
                if (p.Country is { } c && !list.Contains(c))
                    list.Add(c);
            return list;
        }
    }

    /// <summary>Whether a participant is of <paramref name="country"/> (<see cref="Countries"/> contains it, without building the list).</summary>
    public bool HasCountry(string country)
    {
        foreach (var p in Participants)
            if (p.Country == country)
                return true;
        return false;
    }

    /// <summary>Whether every country of this event's participants is one of <paramref name="other"/>'s.</summary>
    public bool CountriesIn(CandidateEvent other)
    {
        foreach (var p in Participants)
            if (p.Country is { } c && !other.HasCountry(c))
                return false;
        return true;
    }

    public int CountryCount
    {
        get
        {
            // Distinct countries without building the list: count each at its first occurrence.
            int count = 0;
            for (int i = 0; i < Participants.Count; i++)
            {
                if (Participants[i].Country is not { } c)
                    continue;
                bool seen = false;
                for (int j = 0; j < i && !seen; j++)
                    seen = Participants[j].Country == c;
                if (!seen)
                    count++;
            }
            return count;
        }
    }
}
