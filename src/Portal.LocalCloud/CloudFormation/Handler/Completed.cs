namespace Portal.LocalCloud.CloudFormation.Handler;

/// <summary>
/// Unwraps engine tasks that LocalCloud's ports complete synchronously (the stores answer in memory under the
/// state gate). A task that did not complete is a wiring bug, reported instead of blocking the gate.
/// </summary>
internal static class Completed
{
    public static T Value<T>(Task<T> task)
    {
        if (!task.IsCompleted)
        {
            throw new InvalidOperationException("A CloudFormation engine call did not complete synchronously under the LocalCloud state gate.");
        }

        return task.GetAwaiter().GetResult();
    }
}
