using FluentValidation;

namespace Roadmap.Application.Learning.Progress.GetActivity;

/// <summary>
/// The dates sent, and their range when both are. A range ending today, where <c>to</c> is left out, is checked by the
/// handler: only it knows the learner's today.
/// </summary>
internal sealed class GetActivityQueryValidator : AbstractValidator<GetActivityQuery>
{
    private static readonly string DateMessage =
        $"Must be a date written YYYY-MM-DD, from {GetActivityQuery.EarliestDate:yyyy-MM-dd} to {GetActivityQuery.LatestDate:yyyy-MM-dd}.";

    public GetActivityQueryValidator()
    {
        RuleFor(q => q.From).Must(IsDate).When(q => q.From is not null).WithMessage(DateMessage);
        RuleFor(q => q.To).Must(IsDate).When(q => q.To is not null).WithMessage(DateMessage);
        RuleFor(q => q.From)
            .Must((q, _) => Problem(q) is null)
            .When(q => IsDate(q.From) && IsDate(q.To))
            .WithMessage((q, _) => Problem(q));
    }

    private static bool IsDate(string? text) => GetActivityQuery.ParseDate(text) is not null;

    private static string? Problem(GetActivityQuery q) =>
        GetActivityQuery.RangeProblem(GetActivityQuery.ParseDate(q.From)!.Value, GetActivityQuery.ParseDate(q.To)!.Value);
}
