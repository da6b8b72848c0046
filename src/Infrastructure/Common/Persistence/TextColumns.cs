using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Roadmap.Infrastructure.Common.Persistence;

/// <summary>
/// Columns of text people write, limited in characters (code points), as the validators count them. PostgreSQL's
/// <c>varchar(n)</c> counts characters too and SQLite checks no length, but SQL Server's <c>nvarchar(n)</c> counts UTF-16
/// units, two for a character beyond U+FFFF such as an emoji: there such a column is sized for two units a character.
/// </summary>
internal static class TextColumns
{
    private const string CharacterLimit = "Roadmap:CharacterLimit";

    /// <summary>A column of at most <paramref name="characters"/> characters; its length in the database's units is set by its context.</summary>
    public static PropertyBuilder<TProperty> HasCharacterLimit<TProperty>(this PropertyBuilder<TProperty> property, int characters) =>
        property.HasMaxLength(characters).HasAnnotation(CharacterLimit, characters);

    /// <summary>
    /// Sizes every column marked by <see cref="HasCharacterLimit{TProperty}"/> at <paramref name="unitsPerCharacter"/> units
    /// a character and removes the marks, which are no part of any database's model (no migration or snapshot sees them).
    /// </summary>
    public static void Size(ModelBuilder modelBuilder, int unitsPerCharacter)
    {
        var marked = modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
            .Where(p => p.FindAnnotation(CharacterLimit) is not null)
            .ToList();
        foreach (var property in marked)
        {
            property.SetMaxLength((int)property[CharacterLimit]! * unitsPerCharacter);
            property.RemoveAnnotation(CharacterLimit);
        }
    }
}
