using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

/// <summary>Requests of the tests' own, so the behaviours are tested apart from any use case.</summary>
internal sealed record RenameThingCommand(string Name, int Size = 1) : ICommand<Result<int>>;

internal sealed record DeleteThingCommand(string Name) : ICommand<Result>;

internal sealed record GetThingQuery(string Name) : IQuery<Result<string>>;

internal sealed record RetriedThingCommand(string Name) : ICommand<Result<int>>, IRetryOnConflict;
