using Microsoft.Extensions.DependencyInjection;

namespace Roadmap.Application.Tests.TestDoubles;

internal static class ApplicationDefaults
{
    /// <summary>
    /// Applies what <see cref="DependencyInjection.AddApplication"/> sets globally (FluentValidation's rule-level
    /// cascade mode, which the validators rely on), so validators behave here as they do in the service.
    /// </summary>
    public static IServiceCollection Apply() => new ServiceCollection().AddApplication();
}
