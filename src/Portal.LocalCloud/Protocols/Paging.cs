using System.Globalization;
using System.Text;

namespace Portal.LocalCloud.Protocols;

/// <summary>Offset paging behind opaque tokens (base64 of the next offset).</summary>
public static class Paging
{
    public static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, string? token, int size, string invalidTokenCode = "ValidationException")
    {
        ArgumentNullException.ThrowIfNull(items);
        var start = 0;
        if (!string.IsNullOrEmpty(token))
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), NumberStyles.None, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new ServiceException(invalidTokenCode, "The pagination token is invalid.");
            }
        }

        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }
}
