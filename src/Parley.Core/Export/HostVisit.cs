using Parley.Events;

namespace Parley.Export;

/// <summary>How a contact was arranged, as the CAMEO 04x codes and the PLOVER CONSULT modes see it.</summary>
public enum Arrangement
{
    /// <summary>In person, but the text does not say where.</summary>
    Unspecified,
    /// <summary>By phone, video or letter.</summary>
    Remote,
    /// <summary>In a participant's country: that participant hosts, the others visit.</summary>
    Visit,
    /// <summary>In a country none of the participants represents.</summary>
    ThirdLocation,
}

/// <summary>Splits a contact's participants into visitors and hosts from its mode and location.</summary>
public static class HostVisit
{
    public static Arrangement Of(ContactEvent e)
    {
        if (e.Mode is ContactMode.Phone or ContactMode.Video or ContactMode.Written)
            return Arrangement.Remote;
        if (e.Location?.Country is not { } host)
            return Arrangement.Unspecified;
        bool hostTakesPart = e.Participants.Any(p => p.Country == host);
        bool othersTakePart = e.Participants.Any(p => p.Country != host);
        if (hostTakesPart && othersTakePart)
            return Arrangement.Visit;
        return hostTakesPart ? Arrangement.Unspecified : Arrangement.ThirdLocation;
    }

    /// <summary>The participants of the location's country (empty unless <see cref="Arrangement.Visit"/>).</summary>
    public static IReadOnlyList<Participant> Hosts(ContactEvent e) =>
        Of(e) == Arrangement.Visit ? e.Participants.Where(p => p.Country == e.Location!.Country).ToList() : [];

    /// <summary>The participants who are not hosts.</summary>
    public static IReadOnlyList<Participant> Guests(ContactEvent e) =>
        Of(e) == Arrangement.Visit ? e.Participants.Where(p => p.Country != e.Location!.Country).ToList() : e.Participants;

    /// <summary>
    /// The CAMEO code of <paramref name="source"/> acting towards <paramref name="target"/>: 036 for a
    /// planned contact (express intent to meet), 041 by phone or video, 042 visiting the target's country,
    /// 043 hosting the target, 044 in a country neither of the two represents, 040 otherwise (in person,
    /// place unknown, or a letter).
    /// </summary>
    public static string CameoCode(ContactEvent e, string source, string target)
    {
        if (e.Status == EventStatus.Planned)
            return "036";
        switch (Of(e))
        {
            case Arrangement.Remote:
                return e.Mode == ContactMode.Written ? "040" : "041";
            case Arrangement.ThirdLocation:
                return "044";
            case Arrangement.Visit:
                var host = e.Location!.Country;
                if (target == host && source != host)
                    return "042";
                if (source == host && target != host)
                    return "043";
                // Two guests of a third country: for this dyad the host's country is a third location.
                return source != host && target != host ? "044" : "040";
            default:
                return "040";
        }
    }
}
