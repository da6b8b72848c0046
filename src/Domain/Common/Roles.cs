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

    /// <summary>The roles that see drafts (and so never share a cached answer with readers).</summary>
    public static IReadOnlyList<string> DraftReaders { get; } = [Author, Admin];
}
