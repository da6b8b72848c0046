using Mapster;
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
