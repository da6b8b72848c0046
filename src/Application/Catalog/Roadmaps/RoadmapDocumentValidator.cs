using FluentValidation;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps;

/// <summary>The field rules of a roadmap document, for creating and importing alike.</summary>
internal sealed class RoadmapDocumentValidator : AbstractValidator<RoadmapDocument>
{
    public RoadmapDocumentValidator()
    {
        RuleFor(d => d.Slug).MustBeSlug();
        RuleFor(d => d.Title).MustBeTitle();
        RuleFor(d => d.Description).MaximumCharacters(CatalogLimits.RoadmapDescriptionMaxLength);
        RuleFor(d => d.Sections).Cascade(CascadeMode.Stop).NotNull().NotEmpty()
            .Must(s => s.Count <= CatalogLimits.MaxSections).WithMessage($"A roadmap has at most {CatalogLimits.MaxSections} sections.")
            .Must(s => s.Sum(section => section?.Topics?.Count ?? 0) <= CatalogLimits.MaxTopics)
            .WithMessage($"A roadmap has at most {CatalogLimits.MaxTopics} topics.");
        RuleForEach(d => d.Sections).NotNull().WithMessage("A section must be an object, not null.").SetValidator(new SectionDocumentValidator());
    }
}

internal sealed class SectionDocumentValidator : AbstractValidator<SectionDocument>
{
    public SectionDocumentValidator()
    {
        RuleFor(s => s.Slug).MustBeSlug();
        RuleFor(s => s.Title).MustBeTitle();
        RuleFor(s => s.Description).MaximumCharacters(CatalogLimits.SectionDescriptionMaxLength);
        RuleFor(s => s.Topics).Cascade(CascadeMode.Stop).NotNull().NotEmpty()
            .Must(t => t.Count <= CatalogLimits.MaxTopicsPerSection)
            .WithMessage($"A section has at most {CatalogLimits.MaxTopicsPerSection} topics.");
        RuleForEach(s => s.Topics).NotNull().WithMessage("A topic must be an object, not null.").SetValidator(new TopicDocumentValidator());
    }
}

internal sealed class TopicDocumentValidator : AbstractValidator<TopicDocument>
{
    private const string OptionalList = "Leave it out or give a list (it may be empty), not null.";

    public TopicDocumentValidator()
    {
        RuleFor(t => t.Slug).MustBeSlug();
        RuleFor(t => t.Title).MustBeTitle();
        RuleFor(t => t.Summary).Cascade(CascadeMode.Stop).NotEmpty().MaximumCharacters(CatalogLimits.TopicSummaryMaxLength)
            .Must(ShownText.HasVisibleCharacter).WithMessage("A summary must show something (invisible characters alone are none).");
        RuleFor(t => t.Kind).NotNull();
        RuleFor(t => t.Difficulty).NotNull();
        RuleFor(t => t.EstimatedMinutes).Cascade(CascadeMode.Stop).NotNull()
            .InclusiveBetween(CatalogLimits.MinEstimatedMinutes, CatalogLimits.MaxEstimatedMinutes);
        RuleFor(t => t.Prerequisites).Cascade(CascadeMode.Stop).NotNull().WithMessage(OptionalList)
            .Must(p => p.Count <= CatalogLimits.MaxPrerequisites).WithMessage($"A topic has at most {CatalogLimits.MaxPrerequisites} prerequisites.");
        RuleForEach(t => t.Prerequisites).MustBeSlug();
        RuleFor(t => t.FormerSlugs).Cascade(CascadeMode.Stop).NotNull().WithMessage(OptionalList)
            .Must(f => f.Count <= CatalogLimits.MaxFormerSlugs).WithMessage($"A topic has at most {CatalogLimits.MaxFormerSlugs} former slugs.");
        RuleForEach(t => t.FormerSlugs).MustBeSlug();
        RuleFor(t => t.Resources).Cascade(CascadeMode.Stop).NotNull().WithMessage(OptionalList)
            .Must(r => r.Count <= CatalogLimits.MaxResources).WithMessage($"A topic has at most {CatalogLimits.MaxResources} resources.");
        RuleForEach(t => t.Resources).NotNull().WithMessage("A resource must be an object, not null.").ChildRules(resource =>
        {
            resource.RuleFor(r => r.Title).MustBeTitle();
            resource.RuleFor(r => r.Url).Must(CatalogLimits.IsHttpUrl)
                .WithMessage($"A resource URL is an absolute http or https URL of at most {CatalogLimits.UrlMaxLength} characters.");
            resource.RuleFor(r => r.Type).NotNull();
        });
    }
}

internal static class DocumentRules
{
    /// <summary>
    /// A title: 1 to <see cref="CatalogLimits.TitleMaxLength"/> characters, showing something, none of them hiding or
    /// breaking text (<see cref="ShownText.IsPrintable"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBeTitle<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumCharacters(CatalogLimits.TitleMaxLength)
            .Must(ShownText.HasVisibleCharacter).WithMessage("A title must show something (invisible characters alone are none).")
            .Must(ShownText.IsPrintable).WithMessage($"A title {TextRules.NoHiddenText}");

    public static IRuleBuilderOptions<T, string> MustBeSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(CatalogLimits.IsValidSlug)
            .WithMessage($"A slug is lowercase kebab-case (a-z, 0-9 and single hyphens), 1 to {CatalogLimits.SlugMaxLength} characters.");
}
