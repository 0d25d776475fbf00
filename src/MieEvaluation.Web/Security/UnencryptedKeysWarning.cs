using MieEvaluation.Web.Demo;

namespace MieEvaluation.Web.Security;

/// <summary>
/// Says at start, once and with what to do, that the data-protection keys are stored unencrypted (no
/// <see cref="KeyEncryptionOptions.CertificatePath"/>); the framework's own warning ("No XML encryptor configured")
/// names no setting and is filtered out of the log (LoggingSetup). Not in demo mode, whose data are not real.
/// </summary>
internal sealed partial class UnencryptedKeysWarning(DemoOptions demo, ILogger<UnencryptedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Enabled)
        {
            LogUnencrypted(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The data-protection keys that sign session cookies are stored in the database unencrypted, so a copy of the database " +
        "could forge a login. Set DataProtection:CertificatePath (a .pfx file outside the database) and DataProtection:CertificatePassword; " +
        "see docs/deploy-linux.md.")]
    private static partial void LogUnencrypted(ILogger logger);
}
