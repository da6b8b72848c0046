using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Common.Messaging;
using Roadmap.Domain.Common;

namespace Roadmap.Application.Catalog.Roadmaps.GetTopic;

/// <summary>One live topic, found by its slug or a former one.</summary>
public sealed record GetTopicQuery(string RoadmapSlug, string TopicSlug) : IQuery<Result<Revisioned<TopicDetailsDto>>>;
