using FluentValidation;
using Roadmap.Application.Common.Paging;

namespace Roadmap.Application.Catalog.Roadmaps.ListRoadmaps;

internal sealed class ListRoadmapsQueryValidator : AbstractValidator<ListRoadmapsQuery>
{
    public ListRoadmapsQueryValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Status).IsInEnum();
    }
}
