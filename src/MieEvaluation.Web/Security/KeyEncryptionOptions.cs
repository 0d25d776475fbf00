namespace MieEvaluation.Web.Security;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the data-protection keys (which sign session
/// cookies and anti-forgery tokens) before they are written to the database, so that a copy of the database alone
/// cannot forge a login. The certificate lives outside the database: a file only the service can read.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS #12 file (.pfx) with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The certificate used before <see cref="CertificatePath"/>, while its keys are still in use: keys it encrypted stay
    /// readable (sessions survive the change), new keys are encrypted with the new one (docs/deploy-linux.md, rotation).
    /// </summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }
}
