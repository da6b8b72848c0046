using Roadmap.Application.Common.Ports;

namespace Roadmap.Infrastructure.Common;

internal sealed class SystemClock(TimeProvider time) : IClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
