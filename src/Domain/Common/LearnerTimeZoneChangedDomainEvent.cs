namespace Roadmap.Domain.Common;

/// <summary>
/// A learner set their time zone (another one, or the same again): the days their activity is counted in may move. Raised by Identity, which stands
/// alone, and kept here beside <see cref="LocalCalendar"/> so that the modules counting days hear of it without
/// knowing Identity (as they read profiles through a shared port).
/// </summary>
public sealed record LearnerTimeZoneChangedDomainEvent(Guid LearnerId, string TimeZone, DateTimeOffset OccurredAt) : IDomainEvent;
