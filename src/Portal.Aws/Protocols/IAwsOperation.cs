using Portal.Aws.Configuration;

namespace Portal.Aws.Protocols;

/// <summary>An operation the hand-written clients may send: checked against botocore's models by the contract test.</summary>
internal interface IAwsOperation
{
    AwsService Service { get; }

    string Name { get; }

    Type RequestType { get; }

    Type ResponseType { get; }
}
