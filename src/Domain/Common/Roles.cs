namespace Roadmap.Domain.Common;

/// <summary>
/// The roles of the platform, shared by every module (each decides what a role may do there). Every account is a
/// Learner; Authors write roadmaps; Admins run the platform.
/// </summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Author = "Author";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Learner, Author, Admin];

    /// <summary>The role a name stands for, read in any case (<c>author</c> is <c>Author</c>); null for no role.</summary>
    public static string? Named(string? name) => All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles that see drafts (and so never share a cached answer with readers).</summary>
    public static IReadOnlyList<string> DraftReaders { get; } = [Author, Admin];
}
