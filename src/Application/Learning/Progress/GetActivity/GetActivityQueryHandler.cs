using MapsterMapper;
using MediatR;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.GetActivity;

internal sealed class GetActivityQueryHandler(
    IReadRepository<ProgressEvent> events,
    ILearnerProfiles profiles,
    ICurrentUser user,
    IClock clock,
    IMapper mapper) : IRequestHandler<GetActivityQuery, Result<ActivityDto>>
{
    public async Task<Result<ActivityDto>> Handle(GetActivityQuery request, CancellationToken cancellationToken)
    {
        var learner = user.Learner();
        if (!learner.IsSuccess)
        {
            return learner.Error;
        }

        // An array, not [id]: that would be a compiler-made list type outside the namespaces Application may use.
        var found = await profiles.FindAsync(new[] { learner.Value }, cancellationToken);
        if (!found.TryGetValue(learner.Value, out var profile))
        {
            return LearningErrors.SignedInOnly;
        }

        var zone = LocalCalendar.Zone(profile.TimeZone);
        var to = GetActivityQuery.ParseDate(request.To) ?? LocalCalendar.DateOf(clock.UtcNow, zone);
        var from = GetActivityQuery.ParseDate(request.From) ?? GetActivityQuery.DefaultFrom(to);
        if (GetActivityQuery.RangeProblem(from, to) is { } problem)
        {
            // Only a range ending today gets here: the validator checked the ranges whose both ends were sent.
            return Error.InvalidFields(new Dictionary<string, string[]> { ["from"] = [problem] });
        }

        // The instants the learner's first and after-last days begin, each with its own UTC offset (DST). Every roadmap
        // counts, and so do the events of retired topics: activity is history, not the current content.
        var specification = new ProgressChangesSpec(learner.Value, LocalCalendar.StartOf(from, zone), LocalCalendar.StartOf(to.AddDays(1), zone));
        var changes = await events.ListAsync(specification, cancellationToken);
        var days = ProgressActivity.ByLocalDay(changes, zone, from, to);
        return new ActivityDto(zone.Id, from, to, [.. days.Select(mapper.Map<ActivityDayDto>)]);
    }
}
