using FluentValidation;
using Roadmap.Application.Common.Paging;

namespace Roadmap.Application.Learning.Progress.ListProgressEvents;

internal sealed class ListProgressEventsQueryValidator : AbstractValidator<ListProgressEventsQuery>
{
    public ListProgressEventsQueryValidator() => this.AddPagingRules();
}
