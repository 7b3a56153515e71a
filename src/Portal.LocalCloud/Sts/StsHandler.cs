using System.Xml.Linq;
using Portal.LocalCloud.Protocols;
using Portal.LocalCloud.Routing;
using Portal.LocalCloud.State;
using static Portal.LocalCloud.Protocols.Xml;

namespace Portal.LocalCloud.Sts;

/// <summary>STS in the Query protocol: AssumeRole and GetCallerIdentity.</summary>
public sealed class StsHandler : IQueryService
{
    private readonly StsStore _store;

    public StsHandler(StsStore store)
    {
        _store = store;
    }

    public string SigningName => "sts";

    public WireProtocol Protocol => WireProtocol.Query;

    public string XmlNamespace => "https://sts.amazonaws.com/doc/2011-06-15/";

    public bool IsReadOnly(string operation) => operation == "GetCallerIdentity";

    public IReadOnlyList<XElement>? Invoke(string operation, QueryInput input, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        switch (operation)
        {
            case "GetCallerIdentity":
                return [E("UserId", context.Caller.UserId), E("Account", context.AccountId), E("Arn", context.Caller.Arn)];
            case "AssumeRole":
            {
                var request = new AssumeRoleRequest(
                    input.Required("RoleArn"),
                    input.Required("RoleSessionName"),
                    input.Int("DurationSeconds"),
                    input.Structures("Tags").Select(t => new Tag(t.GetValueOrDefault("Key") ?? string.Empty, t.GetValueOrDefault("Value") ?? string.Empty)).ToList(),
                    input.List("TransitiveTagKeys"),
                    input.Get("SourceIdentity"),
                    input.Get("ExternalId"));
                var session = _store.AssumeRole(context.State, context.Caller, request, context.Now);
                return
                [
                    E("Credentials",
                        E("AccessKeyId", session.AccessKeyId),
                        E("SecretAccessKey", session.SecretAccessKey),
                        E("SessionToken", session.SessionToken),
                        E("Expiration", AwsTime.Iso(session.Expiration))),
                    E("AssumedRoleUser",
                        E("AssumedRoleId", $"{session.RoleId}:{session.SessionName}"),
                        E("Arn", session.AssumedRoleArn)),
                    E("PackedPolicySize", session.Tags.Count == 0 ? 0 : Math.Min(100, session.Tags.Count * 2)),
                    Opt("SourceIdentity", session.SourceIdentity)!,
                ];
            }

            default:
                throw new ServiceException("InvalidAction", $"Could not find operation {operation} for version 2011-06-15");
        }
    }
}
