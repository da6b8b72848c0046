namespace Roadmap.Application.Common.Ports;

/// <summary>
/// What other modules may know of a learner's account: the profile fields that shape what they show (the time zone
/// days are counted in, the name and opt-in of a leaderboard). A port of its own, so Learning and Insights read them
/// without depending on the Identity module; Identity's infrastructure implements it.
/// </summary>
public interface ILearnerProfiles
{
    /// <summary>
    /// The profiles of <paramref name="learnerIds"/>, read in one pass however many are asked for (a leaderboard asks
    /// for many), untracked. An id without an account is left out of the answer, not an error.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, LearnerProfile>> FindAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken cancellationToken);
}

/// <summary>A learner as other modules see them.</summary>
/// <param name="TimeZone">An IANA time zone id (<c>UTC</c> unless the learner chose one): their days are counted in it.</param>
/// <param name="ShowOnLeaderboard">Whether the learner opted in to appear on leaderboards (off by default).</param>
public sealed record LearnerProfile(Guid Id, string DisplayName, string TimeZone, bool ShowOnLeaderboard);
