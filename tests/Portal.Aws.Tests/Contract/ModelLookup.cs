namespace Portal.Aws.Tests.Contract;

/// <summary>A model lookup: the model if found, otherwise what to say and whether the test must fail rather than skip.</summary>
internal sealed record ModelLookup(BotocoreModel? Model, string Message, bool MustFail);
