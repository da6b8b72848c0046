using FluentValidation;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Domain.Catalog;

namespace Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;

/// <summary>
/// The field rules of a roadmap document. Rules spanning the document (unique slugs, known prerequisites,
/// no cycle) belong to the domain and are checked by <see cref="LearningRoadmap.Apply"/>.
/// </summary>
internal sealed class ImportRoadmapCommandValidator : AbstractValidator<ImportRoadmapCommand>
{
    public ImportRoadmapCommandValidator()
    {
        RuleFor(c => c.Document).NotNull().SetValidator(new RoadmapDocumentValidator());
        RuleFor(c => c.Document.Slug).Equal(c => c.RouteSlug)
            .When(c => c.RouteSlug is not null && c.Document is not null)
            .WithMessage("The document's slug must be the slug in the URL (a roadmap's slug cannot be changed).");
    }
}
