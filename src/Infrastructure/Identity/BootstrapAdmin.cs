using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roadmap.Application.Identity.Accounts.CreateAdmin;
using Roadmap.Application.Identity.Contracts;
using Roadmap.Domain.Common;
using Roadmap.Infrastructure.Common;

namespace Roadmap.Infrastructure.Identity;

/// <summary>
/// A start-up step: the first Admin, from <c>Auth:BootstrapAdmin</c> when both its email and password are configured
/// and no Admin exists yet. Later Admins are made by Admins.
/// </summary>
public sealed partial class BootstrapAdmin(IServiceScopeFactory scopes, IOptions<AuthOptions> options, ILogger<BootstrapAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.BootstrapAdmin;
        var hasEmail = !string.IsNullOrWhiteSpace(admin.Email);
        if (!hasEmail && string.IsNullOrEmpty(admin.Password))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CountInRoleAsync(Roles.Admin, cancellationToken) > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            // Half a bootstrap Admin is likely a setting lost on the way; once an Admin exists, it is said no more.
            if (hasEmail)
            {
                LogEmailWithoutPassword();
            }
            else
            {
                LogPasswordWithoutEmail();
            }

            return;
        }

        // Nodes starting together send the same command; role changes take turns, so the later one finds it done.
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateAdminCommand(admin.Email, admin.Password), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidConfigurationException($"Auth:BootstrapAdmin could not be created: {result.Error.ToLine()}");
        }

        LogAdminEnsured(result.Value.Email);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:BootstrapAdmin:Email is set without Auth:BootstrapAdmin:Password: no Admin is created")]
    private partial void LogEmailWithoutPassword();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:BootstrapAdmin:Password is set without Auth:BootstrapAdmin:Email: no Admin is created")]
    private partial void LogPasswordWithoutEmail();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap Admin {Email} is in place")]
    private partial void LogAdminEnsured(string email);
}
