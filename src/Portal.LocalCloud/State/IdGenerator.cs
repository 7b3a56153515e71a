using System.Security.Cryptography;

namespace Portal.LocalCloud.State;

/// <summary>Random identifiers in the shapes AWS uses (<c>port-abc…</c>, <c>AROA…</c>, UUIDs).</summary>
public static class IdGenerator
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Hex = "0123456789abcdef";

    public static string Lowercase(string prefix, int length) => prefix + RandomNumberGenerator.GetString(Lower, length);

    public static string Uppercase(string prefix, int length) => prefix + RandomNumberGenerator.GetString(Upper, length);

    public static string HexId(string prefix, int length) => prefix + RandomNumberGenerator.GetString(Hex, length);

    public static string Uuid() => Guid.NewGuid().ToString();

    public static string Secret(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", length);
}
