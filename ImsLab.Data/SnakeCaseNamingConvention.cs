using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ImsLab.Data;

/// <summary>
/// Lowercase snake_case columns, keys and indexes: PostgreSQL folds unquoted names to lowercase, so this is
/// what psql users and hand-written SQL expect. Table names are set in each configuration
/// (English plurals are not worth an algorithm).
/// </summary>
internal static class SnakeCaseNamingConvention
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(ToSnakeCase(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName(key.GetDefaultName()!.ToLowerInvariant());
            foreach (var foreignKey in entity.GetForeignKeys()) foreignKey.SetConstraintName(foreignKey.GetDefaultName()!.ToLowerInvariant());
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(index.GetDefaultDatabaseName()!.ToLowerInvariant());
        }
    }

    internal static string ToSnakeCase(string name)
    {
        // "CSeq" is one word in SIP (RFC 3261 20.16): cseq, local_cseq.
        name = name.Replace("CSeq", "Cseq", StringComparison.Ordinal);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
