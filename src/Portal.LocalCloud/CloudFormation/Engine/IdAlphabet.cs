namespace Portal.LocalCloud.CloudFormation.Engine;

/// <summary>Character sets AWS uses for generated ids.</summary>
public enum IdAlphabet
{
    Hex,
    LowerAlphanumeric,
    UpperAlphanumeric,
    MixedAlphanumeric,
    Uuid,
}
