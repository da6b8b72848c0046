using System.Buffers;
using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Roadmap.Api.Common;

/// <summary>
/// Text log lines that a request cannot forge. Values logged come from clients (a decoded path may hold CR and LF:
/// <c>/api/roadmaps/x%0D%0A07:00:00.000%20ERR%20...</c> wrote a line of its own), so before a text sink renders an event,
/// every control character (C0, DEL, C1), the Unicode line and paragraph separators and the text-direction controls
/// (which reorder the rest of a line on a terminal: <c>\u202E</c>) in its property values, at any depth, and in its message
/// template's text are written as escapes (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u2028</c>),
/// and every line of an exception is indented: a record's values stay on its first line, and only that line begins
/// without white space. The JSON format needs none of this: JSON escapes CR, LF and the other C0 controls in strings
/// (DEL, C1, U+2028/U+2029 and the text-direction controls stay as they are, valid in a JSON string; JSON lines are split on LF).
/// </summary>
internal static class TextLogEscaping
{
    /// <summary>
    /// The marks, embeddings, overrides and isolates that reorder how a terminal shows the rest of a line. Declared before
    /// <see cref="Unsafe"/>, which is built from it.
    /// </summary>
    private static readonly char[] BidiControls =
        ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(char.IsControl), '\u2028', '\u2029', .. BidiControls]);

    /// <summary>Writes through the sinks <paramref name="configure"/> adds, with control characters escaped.</summary>
    public static LoggerConfiguration EscapingControlCharacters(this LoggerSinkConfiguration writeTo, Action<LoggerSinkConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        return writeTo.Sink(LoggerSinkConfiguration.Wrap(sink => new EscapingSink(sink), configure));
    }

    /// <summary><paramref name="text"/> with its control characters and line separators written as escapes.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unsafe.Contains(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\r' => @"\r",
                '\n' => @"\n",
                '\t' => @"\t",
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The event as a text sink may render it: the same, with its client-given text escaped.</summary>
    internal static LogEvent Escaped(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var template = Escaped(logEvent.MessageTemplate);
        if (logEvent.Exception is null && ReferenceEquals(template, logEvent.MessageTemplate) && !logEvent.Properties.Values.Any(Changes))
        {
            return logEvent; // nearly every event: nothing to escape, nothing rebuilt
        }

        return new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            logEvent.Exception is null ? null : new IndentedException(logEvent.Exception),
            template,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, Escaped(p.Value))),
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
    }

    private static MessageTemplate Escaped(MessageTemplate template) =>
        template.Tokens.OfType<TextToken>().Any(t => t.Text.AsSpan().ContainsAny(Unsafe))
            ? new MessageTemplate(Escape(template.Text), template.Tokens.Select(t => t is TextToken text ? new TextToken(Escape(text.Text)) : t))
            : template;

    private static LogEventPropertyValue Escaped(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => text.AsSpan().ContainsAny(Unsafe) ? new ScalarValue(Escape(text)) : value,

        // Numbers, dates and the like cannot hold these characters; any other value is rendered by its ToString().
        ScalarValue { Value: { } other } when Type.GetTypeCode(other.GetType()) is TypeCode.Object or TypeCode.Char
            && Convert.ToString(other, CultureInfo.InvariantCulture) is { } rendered && rendered.AsSpan().ContainsAny(Unsafe)
            => new ScalarValue(Escape(rendered)),
        SequenceValue sequence when sequence.Elements.Any(Changes) => new SequenceValue(sequence.Elements.Select(Escaped)),
        StructureValue structure when structure.Properties.Any(p => Changes(p.Value))
            => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escaped(p.Value))), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Changes(e.Key) || Changes(e.Value))
            => new DictionaryValue(dictionary.Elements.Select(
                e => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Escaped(e.Key), Escaped(e.Value)))),
        _ => value,
    };

    /// <summary>True when the value holds text to escape (<see cref="Escaped(LogEventPropertyValue)"/> hands back the value itself otherwise).</summary>
    private static bool Changes(LogEventPropertyValue value) => !ReferenceEquals(Escaped(value), value);

    /// <summary>Hands each event to the wrapped sink with its client-given text escaped.</summary>
    private sealed class EscapingSink(ILogEventSink inner) : ILogEventSink, IDisposable
    {
        public void Emit(LogEvent logEvent) => inner.Emit(Escaped(logEvent));

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }

    /// <summary>
    /// An exception as a text sink writes it (its ToString()), each line escaped and indented: a message may hold line
    /// breaks, and then a line of its own, but not one that looks like the start of a record.
    /// </summary>
#pragma warning disable CA1032, CA1064 // Never thrown or caught: it only carries the text a sink writes.
    private sealed class IndentedException : Exception
#pragma warning restore CA1032, CA1064
    {
        private readonly string _text;
        private readonly string? _stackTrace;

        public IndentedException(Exception original)
            : base(original.Message)
        {
            _text = string.Join(Environment.NewLine,
                original.ToString().Split(["\r\n", "\n"], StringSplitOptions.None).Select(line => "  " + Escape(line)));
            _stackTrace = original.StackTrace;
        }

        public override string? StackTrace => _stackTrace;

        public override string ToString() => _text;
    }
}
