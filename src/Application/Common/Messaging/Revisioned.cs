namespace Roadmap.Application.Common.Messaging;

/// <summary>
/// A value with the revision of what it was read from or left as: the revision changes with every change, so the Api
/// makes its entity tags of it and a command can be told which revision it expects to change.
/// </summary>
public sealed record Revisioned<T>(T Value, int Revision);
