namespace Roadmap.Api.Tests.Infrastructure.Contract;

/// <summary>A response that does not keep to the OpenAPI document; thrown so the test that received it fails.</summary>
public sealed class ContractViolationException(IReadOnlyList<string> violations)
    : Exception("The response does not keep to /openapi/v1.json:\n  " + string.Join("\n  ", violations))
{
    public IReadOnlyList<string> Violations { get; } = violations;
}

/// <summary>
/// Installed in every client the test factories create, next to the server: checks each response against the
/// served OpenAPI document (<see cref="ContractDocument"/>) and fails the request, and so the test, on the first
/// answer that drifts from it. Every violation is also kept in <see cref="Violations"/> (shared by the factory).
/// </summary>
public sealed class ContractValidatingHandler(Func<CancellationToken, Task<ContractDocument>> document, ContractViolations violations)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var found = (await document(cancellationToken)).Check(
            request.Method.Method,
            path,
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            body,
            header => response.Headers.Contains(header) || response.Content.Headers.Contains(header));
        if (found.Count > 0)
        {
            violations.Add(found);
            response.Dispose();
            throw new ContractViolationException(found);
        }

        return response;
    }
}

/// <summary>The violations a factory's clients met, for reports and for the harness's own tests.</summary>
public sealed class ContractViolations
{
    private readonly List<string> _all = [];

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public void Add(IEnumerable<string> violations)
    {
        lock (_all)
        {
            _all.AddRange(violations);
        }
    }
}
