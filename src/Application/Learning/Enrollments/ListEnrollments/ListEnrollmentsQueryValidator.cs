using FluentValidation;
using Roadmap.Application.Common.Paging;

namespace Roadmap.Application.Learning.Enrollments.ListEnrollments;

internal sealed class ListEnrollmentsQueryValidator : AbstractValidator<ListEnrollmentsQuery>
{
    public ListEnrollmentsQueryValidator() => this.AddPagingRules();
}
