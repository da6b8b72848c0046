using System.Text;
using FluentValidation;
using MediatR;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Common.Behaviours;

/// <summary>Validates every request once, before its handler; failures become a Validation error, not an exception.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult, IFailureFactory<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next();
        }

        var details = failures
            .GroupBy(f => ToJsonPath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TResponse.Failure(Error.InvalidFields(details));
    }

    /// <summary>
    /// FluentValidation names a property by its C# path (<c>Document.Sections[0].Title</c>); clients know
    /// the JSON (<c>sections[0].title</c>). The request's own wrapper property (<c>Document.</c>) is dropped.
    /// </summary>
    internal static string ToJsonPath(string propertyName)
    {
        var segments = propertyName.Split('.');
        if (segments.Length > 1 && segments[0] == "Document")
        {
            segments = segments[1..];
        }

        var path = new StringBuilder();
        foreach (var segment in segments)
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(segment.Length > 0 ? char.ToLowerInvariant(segment[0]) + segment[1..] : segment);
        }

        return path.ToString();
    }
}
