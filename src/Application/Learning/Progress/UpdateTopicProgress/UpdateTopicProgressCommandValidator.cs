using FluentValidation;
using Roadmap.Application.Common.Validation;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Progress.UpdateTopicProgress;

internal sealed class UpdateTopicProgressCommandValidator : AbstractValidator<UpdateTopicProgressCommand>
{
    public UpdateTopicProgressCommandValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum();
        RuleFor(c => c.Note).MaximumCharacters(LearningLimits.NoteMaxLength);
        RuleForEach(c => c.ExpectedVersions).GreaterThanOrEqualTo(0);
    }
}
