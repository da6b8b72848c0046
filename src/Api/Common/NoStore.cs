using System.Security.Claims;

namespace Roadmap.Api.Common;

/// <summary>
/// Endpoint metadata: answers must not be kept by browsers or shared caches (tokens, personal data, drafts).
/// Route groups declare it with <see cref="NoStoreExtensions.WithNoStore{TBuilder}"/>; <see cref="NoStoreExtensions.UseNoStore"/> applies it.
/// </summary>
internal sealed class NoStoreMetadata
{
    private NoStoreMetadata(string cacheControl, Func<ClaimsPrincipal, bool> appliesTo)
    {
        CacheControl = cacheControl;
        AppliesTo = appliesTo;
    }

    /// <summary>Every answer: tokens and personal data.</summary>
    public static NoStoreMetadata Always { get; } = new("no-store", _ => true);

    /// <summary>Answers to Authors and Admins, whose reads may be drafts; readers' answers stay cacheable.</summary>
    public static NoStoreMetadata ForDraftReaders { get; } = new("private, no-store", user => user.CanSeeDrafts());

    public string CacheControl { get; }

    public Func<ClaimsPrincipal, bool> AppliesTo { get; }
}

internal static class NoStoreExtensions
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder, NoStoreMetadata? metadata = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(metadata ?? NoStoreMetadata.Always);

    /// <summary>
    /// After routing: sets <c>Cache-Control</c> for endpoints marked <see cref="NoStoreMetadata"/>. Decided as the
    /// response starts (the caller is known by then) and kept when the exception handler clears a failed response.
    /// </summary>
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<NoStoreMetadata>() is { } noStore)
        {
            context.Response.OnStarting(() =>
            {
                if (noStore.AppliesTo(context.User))
                {
                    context.Response.Headers.CacheControl = noStore.CacheControl;
                }

                return Task.CompletedTask;
            });
        }

        return next(context);
    });
}
