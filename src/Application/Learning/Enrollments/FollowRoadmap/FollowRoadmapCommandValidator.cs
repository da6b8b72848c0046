using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Learning.Enrollments.FollowRoadmap;

internal sealed class FollowRoadmapCommandValidator : AbstractValidator<FollowRoadmapCommand>
{
    public FollowRoadmapCommandValidator() => RuleFor(c => c.Roadmap).NotEmpty().MaximumCharacters(CatalogLimits.SlugMaxLength);
}
