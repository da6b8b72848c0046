using FluentValidation;
using MediatR;
using Roadmap.Application.Common.Messaging;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Identity.Accounts.UpdateMyProfile;

/// <summary>Changes the editable parts of a profile; a null field is left as it is.</summary>
public sealed record UpdateMyProfileCommand(Guid UserId, string? DisplayName, string? TimeZone, bool? ShowOnLeaderboard)
    : ICommand<Result<UserProfileDto>>;

internal sealed class UpdateMyProfileCommandValidator : AbstractValidator<UpdateMyProfileCommand>
{
    public UpdateMyProfileCommandValidator()
    {
        RuleFor(c => c.DisplayName).MustBeDisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.TimeZone).MustBeTimeZone().When(c => c.TimeZone is not null);
    }
}

internal sealed class UpdateMyProfileCommandHandler(IUserAccounts accounts) : IRequestHandler<UpdateMyProfileCommand, Result<UserProfileDto>>
{
    public Task<Result<UserProfileDto>> Handle(UpdateMyProfileCommand request, CancellationToken cancellationToken) =>
        accounts.UpdateProfileAsync(request.UserId, request.DisplayName?.Trim(), request.TimeZone, request.ShowOnLeaderboard, cancellationToken);
}
