namespace MieEvaluation.Web.Setup;

/// <summary>
/// A setting or environment problem that makes start-up impossible. Program.cs logs its message as one line
/// (naming the setting) instead of a stack trace, and exits with a non-zero code.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupConfigurationException()
    {
    }
}
