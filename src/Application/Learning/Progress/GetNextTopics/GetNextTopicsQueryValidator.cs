using FluentValidation;

namespace Roadmap.Application.Learning.Progress.GetNextTopics;

internal sealed class GetNextTopicsQueryValidator : AbstractValidator<GetNextTopicsQuery>
{
    public GetNextTopicsQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, GetNextTopicsQuery.MaxLimit);
}
