using System.Text;

namespace Omnichannel.Bots;

internal static class DialogIds
{
    public static string FromTypeName(string typeName)
    {
        var name = typeName.EndsWith("Dialog", StringComparison.Ordinal) && typeName.Length > "Dialog".Length
            ? typeName[..^"Dialog".Length]
            : typeName;
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
