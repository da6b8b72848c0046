namespace Roadmap.Infrastructure.Common;

/// <summary>
/// The configuration cannot run the service (a missing or weak signing key, an unknown provider, no connection
/// string, a database it cannot open or that lacks this build's migrations, a bootstrap Admin that cannot be made):
/// the service says what to set and exits with code 1 instead of failing with a stack trace.
/// </summary>
public sealed class InvalidConfigurationException(string message) : InvalidOperationException(message);
