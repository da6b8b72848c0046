using FluentValidation;

namespace Roadmap.Application.Catalog.Roadmaps.CreateRoadmap;

internal sealed class CreateRoadmapCommandValidator : AbstractValidator<CreateRoadmapCommand>
{
    public CreateRoadmapCommandValidator() => RuleFor(c => c.Document).NotNull().SetValidator(new RoadmapDocumentValidator());
}
