namespace Roadmap.Domain.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the API maps each to one status code.</summary>
public enum ErrorType
{
    Validation,

    /// <summary>The caller did not prove who they are (bad credentials, an unusable token).</summary>
    Unauthorized,
    NotFound,
    Conflict,
    Forbidden,
    PreconditionFailed,

    /// <summary>Well-formed input that breaks a domain rule (a prerequisite cycle, a duplicate slug).</summary>
    Unprocessable,
}

/// <summary>An expected failure, returned as a value rather than thrown.</summary>
/// <param name="Details">Field (or JSON path) → messages, for validation errors.</param>
public sealed record Error(ErrorType Type, string Code, string Message, IReadOnlyDictionary<string, string[]>? Details = null)
{
    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]>? details = null) =>
        new(ErrorType.Validation, code, message, details);

    /// <summary>What a validation error of several fields says in a sentence; the fields' own messages are its details.</summary>
    public const string InvalidFieldsMessage = "One or more fields are invalid.";

    /// <summary>The validation error of several fields, each with its messages.</summary>
    public static Error InvalidFields(IReadOnlyDictionary<string, string[]> details) =>
        new(ErrorType.Validation, "validation", InvalidFieldsMessage, details);

    public static Error Validation(string field, string message) =>
        new(ErrorType.Validation, "validation", message, new Dictionary<string, string[]> { [field] = [message] });

    public static Error Unauthorized(string code, string message) => new(ErrorType.Unauthorized, code, message);

    public static Error NotFound(string code, string message) => new(ErrorType.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorType.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorType.Forbidden, code, message);

    public static Error PreconditionFailed(string code, string message) => new(ErrorType.PreconditionFailed, code, message);

    /// <summary>The message and each field's messages on one line, for a command line or a log: <c>message; field: why</c>.</summary>
    public string ToLine() =>
        string.Join("; ", (Details?.SelectMany(d => d.Value.Select(m => $"{d.Key}: {m}")) ?? []).Prepend(Message));
}
