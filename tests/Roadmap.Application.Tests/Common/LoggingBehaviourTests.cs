using FluentAssertions;
using Microsoft.Extensions.Logging;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Tests.Common;

public class LoggingBehaviourTests
{
    [Fact]
    public async Task A_handled_request_is_logged_by_name_and_passed_through()
    {
        var logger = new RecordingLogger<LoggingBehaviour<RenameThingCommand, Result<int>>>();
        var behaviour = new LoggingBehaviour<RenameThingCommand, Result<int>>(logger);
        Result<int> response = 3;

        var result = await behaviour.Handle(new RenameThingCommand("secret-name"), TestContext.Current.CancellationToken, () => Task.FromResult(response));

        result.Should().BeSameAs(response);
        var entry = logger.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Information);
        entry.Message.Should().StartWith("Handled RenameThingCommand in ").And.EndWith(" ms");
        entry.Message.Should().NotContain("secret-name", "request content may be personal");
    }

    [Fact]
    public async Task A_failed_request_is_logged_with_its_error_code()
    {
        var logger = new RecordingLogger<LoggingBehaviour<GetThingQuery, Result<string>>>();
        var behaviour = new LoggingBehaviour<GetThingQuery, Result<string>>(logger);
        Result<string> failure = Error.NotFound("thing.not_found", "No thing.");

        var result = await behaviour.Handle(new GetThingQuery("x"), TestContext.Current.CancellationToken, () => Task.FromResult(failure));

        result.Should().BeSameAs(failure);
        logger.Entries.Should().ContainSingle().Which.Message.Should().StartWith("GetThingQuery failed with thing.not_found in ");
    }
}
