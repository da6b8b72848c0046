using FluentAssertions;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

public class ConflictRetryBehaviourTests
{
    private static readonly Error LostRace = Error.Conflict(IRetryOnConflict.ConcurrencyConflictCode, "lost");

    [Fact]
    public async Task A_command_that_asks_for_it_runs_again_after_losing_a_race()
    {
        var runs = 0;
        var behaviour = new ConflictRetryBehaviour<RetriedThingCommand, Result<int>>();

        var result = await behaviour.Handle(new RetriedThingCommand("x"), CancellationToken.None,
            () => Task.FromResult(++runs < 3 ? Result<int>.Failure(LostRace) : Result<int>.Success(runs)));

        result.Value.Should().Be(3);
        runs.Should().Be(3);
    }

    [Fact]
    public async Task Other_commands_and_other_conflicts_are_answered_as_they_are()
    {
        var runs = 0;
        var plain = new ConflictRetryBehaviour<RenameThingCommand, Result<int>>();
        var retried = new ConflictRetryBehaviour<RetriedThingCommand, Result<int>>();
        var otherConflict = Error.Conflict("roadmap.archived", "archived");

        (await plain.Handle(new RenameThingCommand("x"), CancellationToken.None, () => { runs++; return Task.FromResult(Result<int>.Failure(LostRace)); }))
            .Error.Should().Be(LostRace);
        (await retried.Handle(new RetriedThingCommand("x"), CancellationToken.None, () => { runs++; return Task.FromResult(Result<int>.Failure(otherConflict)); }))
            .Error.Should().Be(otherConflict);

        runs.Should().Be(2);
    }

    [Fact]
    public async Task A_command_that_keeps_losing_gives_up_with_the_conflict()
    {
        var runs = 0;
        var behaviour = new ConflictRetryBehaviour<RetriedThingCommand, Result<int>>();

        var result = await behaviour.Handle(new RetriedThingCommand("x"), CancellationToken.None,
            () => { runs++; return Task.FromResult(Result<int>.Failure(LostRace)); });

        result.Error.Should().Be(LostRace);
        runs.Should().Be(ConflictRetryBehaviour<RetriedThingCommand, Result<int>>.MaxAttempts);
    }
}
