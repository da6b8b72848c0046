namespace Roadmap.Domain.Common;

/// <summary>
/// A learner chose another time zone: the days their activity is counted in move. Raised by Identity, which stands
/// alone, and kept here beside <see cref="LocalCalendar"/> so that the modules counting days hear of it without
/// knowing Identity (as they read profiles through a shared port).
/// </summary>
public sealed record LearnerTimeZoneChangedDomainEvent(Guid LearnerId, string TimeZone, DateTimeOffset OccurredAt) : IDomainEvent;
