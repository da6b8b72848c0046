using FluentAssertions;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Common.Ports;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

public class TransactionBehaviourTests
{
    [Fact]
    public async Task A_successful_command_is_committed_once()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behaviour = new TransactionBehaviour<RenameThingCommand, Result<int>>(unitOfWork);
        Result<int> response = 7;

        var result = await behaviour.Handle(new RenameThingCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult(response));

        result.Should().BeSameAs(response);
        (unitOfWork.Begun, unitOfWork.Commits, unitOfWork.RolledBack).Should().Be((1, 1, 0));
        unitOfWork.LastToken.Should().Be(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failed_command_is_rolled_back()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behaviour = new TransactionBehaviour<DeleteThingCommand, Result>(unitOfWork);
        Result failure = Error.NotFound("thing.not_found", "No thing.");

        var result = await behaviour.Handle(new DeleteThingCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult(failure));

        result.Should().BeSameAs(failure);
        (unitOfWork.Begun, unitOfWork.Commits, unitOfWork.RolledBack).Should().Be((1, 0, 1));
        unitOfWork.LastToken.Should().Be(CancellationToken.None, "CommitAsync was never called");
    }

    [Fact]
    public async Task A_lost_race_becomes_a_conflict_error()
    {
        var unitOfWork = new FakeUnitOfWork(failWith: new ConcurrencyConflictException("The roadmap was changed by someone else."));
        var behaviour = new TransactionBehaviour<RenameThingCommand, Result<int>>(unitOfWork);

        var result = await behaviour.Handle(new RenameThingCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult<Result<int>>(7));

        result.IsSuccess.Should().BeFalse();
        result.Error!.Type.Should().Be(ErrorType.Conflict);
        result.Error.Code.Should().Be("concurrency_conflict");
        result.Error.Message.Should().Be("The roadmap was changed by someone else.");
    }

    [Fact]
    public async Task A_lost_race_of_a_command_without_a_value_becomes_a_conflict_error()
    {
        var unitOfWork = new FakeUnitOfWork(failWith: new ConcurrencyConflictException("Lost."));
        var behaviour = new TransactionBehaviour<DeleteThingCommand, Result>(unitOfWork);

        var result = await behaviour.Handle(new DeleteThingCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult(Result.Success()));

        result.Error!.Type.Should().Be(ErrorType.Conflict);
    }

    [Fact]
    public async Task Other_save_failures_are_not_turned_into_results()
    {
        var unitOfWork = new FakeUnitOfWork(failWith: new InvalidOperationException("The database is gone."));
        var behaviour = new TransactionBehaviour<RenameThingCommand, Result<int>>(unitOfWork);

        var handle = () => behaviour.Handle(new RenameThingCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult<Result<int>>(7));

        await handle.Should().ThrowAsync<InvalidOperationException>().WithMessage("The database is gone.");
    }

    [Fact]
    public async Task A_command_that_throws_is_rolled_back()
    {
        var unitOfWork = new FakeUnitOfWork();
        var behaviour = new TransactionBehaviour<RenameThingCommand, Result<int>>(unitOfWork);

        var handle = () => behaviour.Handle(new RenameThingCommand("x"), TestContext.Current.CancellationToken, () => throw new InvalidOperationException("A bug."));

        await handle.Should().ThrowAsync<InvalidOperationException>();
        (unitOfWork.Begun, unitOfWork.Commits, unitOfWork.RolledBack).Should().Be((1, 0, 1));
    }
}
