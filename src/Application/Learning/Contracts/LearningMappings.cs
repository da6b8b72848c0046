using Mapster;
using Roadmap.Application.Catalog.Contracts;
using Roadmap.Application.Learning.Progress;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>The Learning module's mapping configuration. Translated to SQL by ProjectToType: keep it translatable.</summary>
internal sealed class LearningMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ProgressEvent, ProgressEventDto>().Map(d => d.Topic, s => s.TopicSlug);
        config.NewConfig<DailyProgress, ActivityDayDto>();

        // A live topic with the learner's progress on it (none: untouched, NotStarted at version 0).
        config.NewConfig<TopicWithProgress, TopicProgressDto>()
            .Map(d => d.TopicId, s => s.Topic.Id)
            .Map(d => d.Topic, s => s.Topic.Slug)
            .Map(d => d.Section, s => s.Topic.Section)
            .Map(d => d.Status, s => s.Progress == null ? ProgressStatus.NotStarted : s.Progress.Status)
            .Map(d => d.Note, s => s.Progress == null ? null : s.Progress.Note)
            .Map(d => d.UpdatedAt, s => s.Progress == null ? null : s.Progress.UpdatedAt)
            .Map(d => d.Version, s => s.Progress == null ? 0 : s.Progress.Version);
        config.NewConfig<TopicWithProgress, NextTopicDto>()
            .Map(d => d.TopicId, s => s.Topic.Id)
            .Map(d => d.Topic, s => s.Topic.Slug)
            .Map(d => d.Section, s => s.Topic.Section)
            .Map(d => d.Title, s => s.Topic.Title)
            .Map(d => d.Kind, s => s.Topic.Kind)
            .Map(d => d.Difficulty, s => s.Topic.Difficulty)
            .Map(d => d.EstimatedMinutes, s => s.Topic.EstimatedMinutes)
            .Map(d => d.Status, s => s.Progress == null ? ProgressStatus.NotStarted : s.Progress.Status);
        config.NewConfig<TopicWithProgress, ProgressTopicDocument>()
            .Map(d => d.TopicId, s => (Guid?)s.Topic.Id)
            .Map(d => d.Topic, s => s.Topic.Slug)
            .Map(d => d.Status, s => s.Progress == null ? (ProgressStatus?)null : s.Progress.Status)
            .Map(d => d.Note, s => s.Progress == null ? null : s.Progress.Note)
            .Map(d => d.UpdatedAt, s => s.Progress == null ? null : s.Progress.UpdatedAt);

        // In memory, after the save that gave the event its id.
        config.NewConfig<RecordedChange, TopicProgressUpdateDto>()
            .Map(d => d.TopicId, s => s.Topic.Id)
            .Map(d => d.Topic, s => s.Topic.Slug)
            .Map(d => d.Section, s => s.Topic.Section)
            .Map(d => d.Status, s => s.Progress.Status)
            .Map(d => d.Note, s => s.Progress.Note)
            .Map(d => d.UpdatedAt, s => s.Progress.UpdatedAt)
            .Map(d => d.Version, s => s.Progress.Version)
            .Map(d => d.EventId, s => s.Appended == null ? (long?)null : s.Appended.EventId);
    }
}

/// <summary>A live topic of the roadmap and the learner's stored progress on it (null: untouched).</summary>
internal sealed record TopicWithProgress(TopicOutline Topic, TopicProgress? Progress);
