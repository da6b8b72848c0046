using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Roadmap.Api.Identity;
using Roadmap.Api.Learning;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Paging;
using Roadmap.Application.Identity.Accounts.RegisterUser;
using Roadmap.Application.Identity.Tokens.Login;
using Roadmap.Application.Insights.Recalculation;
using Roadmap.Application.Insights.Leaderboards;
using Roadmap.Application.Learning.Enrollments.FollowRoadmap;
using Roadmap.Application.Learning.Progress.GetActivity;
using Roadmap.Application.Learning.Contracts;
using Roadmap.Application.Learning.Progress.GetNextTopics;
using Roadmap.Application.Learning.Progress.ImportProgress;
using Roadmap.Application.Learning.Progress.UpdateProgressBatch;
using Roadmap.Domain.Catalog;
using Roadmap.Domain.Common;
using Roadmap.Domain.Identity;
using Roadmap.Domain.Learning;

namespace Roadmap.Api.Common;

/// <summary>
/// What the validators require of requests, written into their schemas from the same constants the validators
/// use (<see cref="CatalogLimits"/>, <see cref="UserProfileRules"/>, <see cref="IPagedRequest"/>), so the document
/// cannot drift from them. A rule naming a schema or property that no longer exists fails document generation.
/// Lengths are in code points, as JSON Schema counts them and the validators do (<see cref="TextLength"/>).
/// </summary>
internal static class RequestSchemaRules
{
    public static void Apply(IDictionary<string, IOpenApiSchema> schemas)
    {
        Rule(schemas, nameof(RegisterUserCommand), ["email", "password", "displayName"], new()
        {
            ["email"] = Email,
            ["password"] = s => Length(s, UserProfileRules.PasswordMinLength, UserProfileRules.PasswordMaxLength),
            ["displayName"] = DisplayName,
            ["timeZone"] = TimeZone,
        });
        Rule(schemas, nameof(LoginCommand), ["email", "password"], new()
        {
            ["email"] = s => Length(s, 1, UserProfileRules.EmailMaxLength),
            ["password"] = s => Length(s, 1, UserProfileRules.CredentialMaxLength),
        });
        Rule(schemas, nameof(RefreshTokenRequest), ["refreshToken"], new()
        {
            ["refreshToken"] = s => Length(s, 1, UserProfileRules.CredentialMaxLength),
        });
        Rule(schemas, nameof(UpdateProfileRequest), [], new()
        {
            ["displayName"] = DisplayName,
            ["timeZone"] = TimeZone,
        });
        Rule(schemas, nameof(SetRolesRequest), ["roles"], new()
        {
            ["roles"] = s => ((OpenApiSchema)s.Items!).Enum = [.. Roles.All.Select(r => (JsonNode)JsonValue.Create(r))],
        });

        Rule(schemas, nameof(FollowRoadmapCommand), ["roadmap"], new()
        {
            ["roadmap"] = s => Length(s, 1, CatalogLimits.SlugMaxLength),
        });
        Rule(schemas, nameof(UpdateTopicProgressRequest), ["status"], new()
        {
            ["note"] = s =>
            {
                s.Description = "Left out: the note stays as it is; null or \"\": cleared.";
                s.MaxLength = LearningLimits.NoteMaxLength;
            },
        });

        Rule(schemas, nameof(ProgressBatchRequest), ["items"], new()
        {
            ["items"] = s =>
            {
                s.MinItems = 1;
                s.MaxItems = UpdateProgressBatchCommand.MaxItems;
            },
        });
        Rule(schemas, nameof(ProgressBatchRequestItem), ["topic", "status"], new()
        {
            ["topic"] = s =>
            {
                s.Description = "The topic's slug, a former slug or its id.";
                Length(s, 1, LearningLimits.TopicReferenceMaxLength);
            },
            ["note"] = s => s.MaxLength = LearningLimits.NoteMaxLength,
        });

        Rule(schemas, nameof(ProgressDocument), ["format", "roadmap", "topics"], new()
        {
            ["format"] = s => s.Enum = [JsonValue.Create(ProgressDocument.CurrentFormat)],
            ["roadmap"] = s =>
            {
                s.Description = "The roadmap's slug: the one in the URL.";
                Length(s, 1, CatalogLimits.SlugMaxLength);
            },
            ["roadmapVersion"] = s =>
            {
                s.Description = "The roadmap's version at the export; not needed to import.";
                s.Minimum = "1";
            },
            ["exportedAt"] = s => s.Description = "When the document was exported; not needed to import.",
            ["topics"] = s => Items(s, 0, ImportProgressCommand.MaxTopics),
        });
        Rule(schemas, nameof(ProgressTopicDocument), ["topic", "status", "updatedAt"], new()
        {
            ["topicId"] = s => s.Description = "The topic's stable id; an import looks for it first, then for the slug.",
            ["topic"] = s =>
            {
                s.Description = "The topic's slug (an import also knows a former slug).";
                Length(s, 1, CatalogLimits.SlugMaxLength);
            },
            ["note"] = s => s.MaxLength = LearningLimits.NoteMaxLength,
            ["updatedAt"] = s => s.Description = "When the progress had this status and note; an import leaves alone progress as recent.",
        });

        Rule(schemas, nameof(RecalculateStatsCommand), [], new()
        {
            ["roadmap"] = s =>
            {
                s.Description = "A roadmap's slug: only its learners. Left out: every roadmap.";
                Length(s, 1, CatalogLimits.SlugMaxLength);
            },
            ["learnerId"] = s => s.Description = "Only this learner. Left out: every learner.",
        });

        Rule(schemas, nameof(RoadmapDocument), ["slug", "title", "sections"], new()
        {
            ["slug"] = Slug,
            ["title"] = Title,
            ["description"] = s => s.MaxLength = CatalogLimits.RoadmapDescriptionMaxLength,
            ["sections"] = s => Items(s, 1, CatalogLimits.MaxSections),
        });
        Rule(schemas, nameof(SectionDocument), ["slug", "title", "topics"], new()
        {
            ["slug"] = Slug,
            ["title"] = Title,
            ["description"] = s => s.MaxLength = CatalogLimits.SectionDescriptionMaxLength,
            ["topics"] = s => Items(s, 1, CatalogLimits.MaxTopicsPerSection),
        });
        Rule(schemas, nameof(TopicDocument), ["slug", "title", "summary", "kind", "difficulty", "estimatedMinutes"], new()
        {
            ["slug"] = Slug,
            ["title"] = Title,
            ["summary"] = s => Length(s, 1, CatalogLimits.TopicSummaryMaxLength),
            ["estimatedMinutes"] = s =>
            {
                s.Type = JsonSchemaType.Integer;
                s.Minimum = CatalogLimits.MinEstimatedMinutes.ToString(CultureInfo.InvariantCulture);
                s.Maximum = CatalogLimits.MaxEstimatedMinutes.ToString(CultureInfo.InvariantCulture);
            },
            ["prerequisites"] = s => SlugItems(s, CatalogLimits.MaxPrerequisites),
            ["formerSlugs"] = s => SlugItems(s, CatalogLimits.MaxFormerSlugs),
            ["resources"] = s => Items(s, 0, CatalogLimits.MaxResources),
        });
        Rule(schemas, nameof(ResourceDocument), ["title", "url", "type"], new()
        {
            ["title"] = Title,
            ["url"] = s =>
            {
                s.Format = "uri";
                Length(s, 1, CatalogLimits.UrlMaxLength);
            },
        });
    }

    /// <summary>Paging and limit parameters, and the dates of a range, wherever they appear.</summary>
    public static void ApplyToQuery(OpenApiParameter parameter, string? operationId)
    {
        if (parameter.Schema is not OpenApiSchema schema)
        {
            return;
        }

        (parameter.Name switch
        {
            "page" => s => Range(s, 1, IPagedRequest.MaxPage),
            "pageSize" => s => Range(s, 1, IPagedRequest.MaxPageSize),
            "limit" => s => Range(s, 1, operationId == "GetLeaderboard" ? GetLeaderboardQuery.MaxLimit : GetNextTopicsQuery.MaxLimit),
            "from" or "to" => LocalDate,
            _ => (Action<OpenApiSchema>?)null,
        })?.Invoke(schema);
    }

    private static void Rule(
        IDictionary<string, IOpenApiSchema> schemas, string name, string[] required, Dictionary<string, Action<OpenApiSchema>> properties)
    {
        if (!schemas.TryGetValue(name, out var found) || found is not OpenApiSchema schema || schema.Properties is null)
        {
            throw new InvalidOperationException($"No request schema '{name}' to describe: update {nameof(RequestSchemaRules)}.");
        }

        schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var name2 in required)
        {
            // Required here means required and not null: the validators refuse null as they refuse a missing value.
            schema.Properties[name2] = NotNull(schema.Properties[name2]);
        }

        foreach (var (property, describe) in properties)
        {
            if (!schema.Properties.TryGetValue(property, out var propertySchema) || propertySchema is not OpenApiSchema inline)
            {
                throw new InvalidOperationException($"No property '{property}' in the request schema '{name}': update {nameof(RequestSchemaRules)}.");
            }

            describe(inline);
        }
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (inline.Type is { } type)
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }

        // A nullable enum is "oneOf: [null, $ref]": what is left is the reference itself.
        var notNull = inline.OneOf?.Where(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
        return notNull is { Count: 1 } && inline.OneOf!.Count == 2 ? notNull[0] : inline;
    }

    private static void Email(OpenApiSchema s)
    {
        s.Format = "email";
        Length(s, 1, UserProfileRules.EmailMaxLength);
    }

    private static void DisplayName(OpenApiSchema s) => Length(s, 1, UserProfileRules.DisplayNameMaxLength);

    private static void TimeZone(OpenApiSchema s)
    {
        s.Description = "An IANA time zone id, such as Europe/Berlin or UTC.";
        Length(s, 1, UserProfileRules.TimeZoneMaxLength);
    }

    /// <summary>Bound as text and read by the validator (<see cref="GetActivityQuery.DateFormat"/>), so a malformed date is a 400 keyed by its name.</summary>
    private static void LocalDate(OpenApiSchema s)
    {
        s.Type = JsonSchemaType.String;
        s.Format = "date";
        s.Description = "A date in the learner's time zone, YYYY-MM-DD.";
    }

    private static void Slug(OpenApiSchema s)
    {
        s.Pattern = CatalogLimits.SlugSchemaPattern;
        Length(s, 1, CatalogLimits.SlugMaxLength);
    }

    private static void Title(OpenApiSchema s) => Length(s, 1, CatalogLimits.TitleMaxLength);

    private static void SlugItems(OpenApiSchema s, int max)
    {
        Items(s, 0, max);
        var item = new OpenApiSchema { Type = JsonSchemaType.String };
        Slug(item);
        s.Items = item;
    }

    private static void Length(OpenApiSchema s, int min, int max)
    {
        s.MinLength = min;
        s.MaxLength = max;
    }

    private static void Items(OpenApiSchema s, int min, int max)
    {
        s.Type = JsonSchemaType.Array;
        s.MinItems = min > 0 ? min : null;
        s.MaxItems = max;
    }

    private static void Range(OpenApiSchema s, int min, int max)
    {
        s.Minimum = min.ToString(CultureInfo.InvariantCulture);
        s.Maximum = max.ToString(CultureInfo.InvariantCulture);
    }
}
