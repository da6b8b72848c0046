using Roadmap.Application.Common.Ports;
using Roadmap.Domain.Common;

namespace Roadmap.Infrastructure.Common;

/// <summary>
/// The current time, in whole milliseconds (<see cref="Instants.ToStored"/>).
/// </summary>
internal sealed class SystemClock(TimeProvider time) : IClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow().ToStored();
}
