using FluentAssertions;
using FluentValidation;
using FluentValidation.Validators;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Catalog.Roadmaps.ImportRoadmap;
using Roadmap.Application.Common.Behaviours;
using Roadmap.Application.Common.Validation;
using Roadmap.Application.Identity.Accounts.RegisterUser;
using Roadmap.Application.Identity.Accounts.UpdateMyProfile;
using Roadmap.Application.Identity.Tokens.Login;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Enrollments.FollowRoadmap;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Learning.Progress.UpdateProgressBatch;
using Roadmap.Application.Learning.Progress.UpdateTopicProgress;
using Roadmap.Application.Tests.TestDoubles;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Identity;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Tests.Common;

/// <summary>
/// Every text limit counts characters (code points), as the API document's maxLength does: a text of the longest length
/// in emoji, two UTF-16 units each, passes, and one more is refused with its count in characters.
/// </summary>
public class TextLimitsTests
{
    private const string Emoji = "\U0001F600";

    public TextLimitsTests() => ApplicationDefaults.Apply();

    public static TheoryData<string> Fields =>
    [
        "roadmap title", "roadmap description", "section title", "section description", "topic title", "topic summary",
        "resource title", "note", "batch note", "imported note", "display name", "new display name", "email", "sign-in email",
        "sign-in password", "followed roadmap",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_text_of_the_longest_length_in_emoji_passes_and_one_more_is_refused(string field)
    {
        var (limit, path, validate) = Limit(field);

        validate(Emojis(limit)).Should().NotContainKey(path);
        validate(Emojis(limit + 1)).Should().ContainKey(path)
            .WhoseValue.Should().ContainSingle(m => m.EndsWith($" characters or fewer. You entered {limit + 1} characters.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_password_is_measured_in_characters_too()
    {
        Faults(new RegisterUserCommandValidator(), Register(password: Emojis(UserProfileRules.PasswordMinLength))).Should().BeEmpty();
        Faults(new RegisterUserCommandValidator(), Register(password: Emojis(UserProfileRules.PasswordMaxLength))).Should().BeEmpty();
        Faults(new RegisterUserCommandValidator(), Register(password: Emojis(UserProfileRules.PasswordMaxLength + 1)))["password"]
            .Should().Equal($"A password has {UserProfileRules.PasswordMinLength} to {UserProfileRules.PasswordMaxLength} characters.");
    }

    [Fact]
    public void A_range_of_lengths_says_how_many_characters_were_given()
    {
        var validator = new InlineValidator<FollowRoadmapCommand> { v => v.RuleFor(c => c.Roadmap).CharacterLength(3, 5) };

        Faults(validator, new FollowRoadmapCommand(Emojis(3))).Should().BeEmpty();
        Faults(validator, new FollowRoadmapCommand(Emojis(5))).Should().BeEmpty();
        Faults(validator, new FollowRoadmapCommand(Emojis(2)))["roadmap"].Should().Equal(
            "'roadmap' must be between 3 and 5 characters. You entered 2 characters.");
        Faults(validator, new FollowRoadmapCommand(Emojis(6)))["roadmap"].Should().Equal(
            "'roadmap' must be between 3 and 5 characters. You entered 6 characters.");
    }

    [Fact]
    public void No_validator_uses_FluentValidations_length_rules_which_count_UTF_16_units()
    {
        var validators = typeof(TextRules).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => (IValidator)Activator.CreateInstance(t, nonPublic: true)!)
            .ToList();

        var rules = validators.SelectMany(RulesOf).ToList();

        rules.OfType<ILengthValidator>().Should().BeEmpty("a limit in characters is TextRules' MaximumCharacters or CharacterLength");
        rules.Count(r => r.Name == "CharacterLengthValidator").Should().BeGreaterThan(10, "the search must reach the rules of nested validators");
    }

    private static (int Limit, string Path, Func<string, IReadOnlyDictionary<string, string[]>> Validate) Limit(string field)
    {
        const string topic = "sections[0].topics[0]";
        return field switch
        {
            "roadmap title" => (CatalogLimits.TitleMaxLength, "title", t => Document(d => d with { Title = t })),
            "roadmap description" => (CatalogLimits.RoadmapDescriptionMaxLength, "description", t => Document(d => d with { Description = t })),
            "section title" => (CatalogLimits.TitleMaxLength, "sections[0].title", t => Document(d => d.WithSection(0, s => s with { Title = t }))),
            "section description" => (CatalogLimits.SectionDescriptionMaxLength, "sections[0].description",
                t => Document(d => d.WithSection(0, s => s with { Description = t }))),
            "topic title" => (CatalogLimits.TitleMaxLength, $"{topic}.title", t => Document(d => d.WithTopic(0, 0, p => p with { Title = t }))),
            "topic summary" => (CatalogLimits.TopicSummaryMaxLength, $"{topic}.summary",
                t => Document(d => d.WithTopic(0, 0, p => p with { Summary = t }))),
            "resource title" => (CatalogLimits.TitleMaxLength, $"{topic}.resources[0].title", t => Document(d => d.WithTopic(0, 0, p => p with
            {
                Resources = [p.Resources[0] with { Title = t }],
            }))),
            "note" => (LearningLimits.NoteMaxLength, "note", t => Faults(
                new UpdateTopicProgressCommandValidator(), new UpdateTopicProgressCommand("r", "a", ProgressStatus.Done, NoteSent: true, Note: t))),
            "batch note" => (LearningLimits.NoteMaxLength, "items[0].note", t => Faults(
                new UpdateProgressBatchCommandValidator(), new UpdateProgressBatchCommand("r", [new ProgressBatchItem("a", ProgressStatus.Done, true, t)]))),
            "imported note" => (LearningLimits.NoteMaxLength, "topics[0].note", t => Faults(new ImportProgressCommandValidator(), new ImportProgressCommand(
                "r", new ProgressDocument
                {
                    Format = ProgressDocument.CurrentFormat, Roadmap = "r",
                    Topics = [new ProgressTopicDocument { Topic = "a", Status = ProgressStatus.Done, Note = t, UpdatedAt = FixedClock.Start }],
                }))),
            "display name" => (UserProfileRules.DisplayNameMaxLength, "displayName", t => Faults(new RegisterUserCommandValidator(), Register(displayName: t))),
            "new display name" => (UserProfileRules.DisplayNameMaxLength, "displayName",
                t => Faults(new UpdateMyProfileCommandValidator(), new UpdateMyProfileCommand(t, null, null))),
            "email" => (UserProfileRules.EmailMaxLength, "email",
                t => Faults(new RegisterUserCommandValidator(), Register(email: t[..^(2 * "@example.org".Length)] + "@example.org"))),
            "sign-in email" => (UserProfileRules.EmailMaxLength, "email", t => Faults(new LoginCommandValidator(), new LoginCommand(t, "a password"))),
            "sign-in password" => (UserProfileRules.CredentialMaxLength, "password",
                t => Faults(new LoginCommandValidator(), new LoginCommand("ann@example.org", t))),
            "followed roadmap" => (CatalogLimits.SlugMaxLength, "roadmap", t => Faults(new FollowRoadmapCommandValidator(), new FollowRoadmapCommand(t))),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such field."),
        };
    }

    /// <summary>The property rules of a validator and of the validators it applies to items and child objects.</summary>
    private static IEnumerable<IPropertyValidator> RulesOf(IValidator validator)
    {
        foreach (var component in validator.CreateDescriptor().Rules.SelectMany(r => r.Components))
        {
            if (component.Validator is IChildValidatorAdaptor)
            {
                // Built with an instance (SetValidator, ChildRules), the adaptor gives it back for any context and value.
                var adaptor = component.Validator.GetType();
                var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(adaptor.GetGenericArguments()[0]), [null]);
                var child = (IValidator)adaptor.GetMethod("GetValidator")!.Invoke(component.Validator, [context, null])!;
                foreach (var rule in RulesOf(child))
                {
                    yield return rule;
                }
            }
            else
            {
                yield return component.Validator;
            }
        }
    }

    private static string Emojis(int count) => string.Concat(Enumerable.Repeat(Emoji, count));

    private static RegisterUserCommand Register(string email = "ann@example.org", string password = "a long enough password", string displayName = "Ann") =>
        new(email, password, displayName, null);

    private static IReadOnlyDictionary<string, string[]> Document(Func<RoadmapDocument, RoadmapDocument> change) =>
        Faults(new ImportRoadmapCommandValidator(), new ImportRoadmapCommand(change(TestDocuments.Small())));

    /// <summary>The failures by JSON path, as the validation behaviour reports them.</summary>
    private static Dictionary<string, string[]> Faults<T>(IValidator<T> validator, T request) =>
        validator.Validate(request).Errors
            .GroupBy(f => ValidationBehaviour<T, Domain.Common.Result>.ToJsonPath(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray(), StringComparer.Ordinal);
}
