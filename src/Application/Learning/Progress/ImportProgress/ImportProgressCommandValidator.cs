using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.ImportProgress;

/// <summary>The field rules of a progress document; which topics it names is the handler's to find out.</summary>
internal sealed class ImportProgressCommandValidator : AbstractValidator<ImportProgressCommand>
{
    public ImportProgressCommandValidator()
    {
        RuleFor(c => c.Document).NotNull();
        When(c => c.Document is not null, () =>
        {
            RuleFor(c => c.Document.Format).Equal(ProgressDocument.CurrentFormat)
                .WithMessage($"Only '{ProgressDocument.CurrentFormat}' documents can be imported.");
            RuleFor(c => c.Document.Roadmap).NotEmpty().MaximumCharacters(CatalogLimits.SlugMaxLength);
            RuleFor(c => c.Document.RoadmapVersion).GreaterThanOrEqualTo(1);
            RuleFor(c => c.Document.Topics).Cascade(CascadeMode.Stop).NotNull()
                .Must(topics => topics!.Count <= ImportProgressCommand.MaxTopics)
                .WithMessage($"A document has at most {ImportProgressCommand.MaxTopics} topics.");
            RuleForEach(c => c.Document.Topics).NotNull().WithMessage("A topic must be an object, not null.").ChildRules(topic =>
            {
                topic.RuleFor(t => t.TopicId).NotEqual(Guid.Empty);
                topic.RuleFor(t => t.Topic).NotEmpty().MaximumCharacters(CatalogLimits.SlugMaxLength);
                topic.RuleFor(t => t.Status).NotNull().IsInEnum();
                topic.RuleFor(t => t.Note).MaximumCharacters(LearningLimits.NoteMaxLength);
                topic.RuleFor(t => t.UpdatedAt).NotNull();
            });
        });
    }
}
