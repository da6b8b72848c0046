using FluentValidation;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;

namespace Roadmap.Application.Catalog.Roadmaps.CreateRoadmap;

internal sealed class CreateRoadmapCommandValidator : AbstractValidator<CreateRoadmapCommand>
{
    public CreateRoadmapCommandValidator() => RuleFor(c => c.Document).NotNull().SetValidator(new RoadmapDocumentValidator());
}
