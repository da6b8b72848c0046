using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateProgressBatch;

internal sealed class UpdateProgressBatchCommandValidator : AbstractValidator<UpdateProgressBatchCommand>
{
    public UpdateProgressBatchCommandValidator()
    {
        RuleFor(c => c.Items).Cascade(CascadeMode.Stop).NotNull().NotEmpty()
            .Must(items => items.Count <= UpdateProgressBatchCommand.MaxItems)
            .WithMessage($"A batch has at most {UpdateProgressBatchCommand.MaxItems} items.");
        RuleForEach(c => c.Items).NotNull().WithMessage("An item must be an object, not null.").ChildRules(item =>
        {
            item.RuleFor(i => i.Topic).NotEmpty().MaximumCharacters(LearningLimits.TopicReferenceMaxLength);
            item.RuleFor(i => i.Status).NotNull().IsInEnum();
            item.RuleFor(i => i.Note).MaximumCharacters(LearningLimits.NoteMaxLength);
        });
    }
}
