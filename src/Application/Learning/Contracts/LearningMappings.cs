using Mapster;
using Roadmap.Domain.Learning;

namespace Roadmap.Application.Learning.Contracts;

/// <summary>The Learning module's mapping configuration. Translated to SQL by ProjectToType: keep it translatable.</summary>
internal sealed class LearningMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ProgressEvent, ProgressEventDto>().Map(d => d.Topic, s => s.TopicSlug);
        config.NewConfig<DailyProgress, ActivityDayDto>();
    }
}
