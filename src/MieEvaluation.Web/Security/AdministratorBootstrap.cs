using Microsoft.AspNetCore.Identity;

namespace MieEvaluation.Web.Security;

/// <summary>
/// First start: the roles exist, and an administrator exists or can be created. No password is in the code or the
/// repository: the first administrator comes from MIE_ADMIN_EMAIL and MIE_ADMIN_PASSWORD, or from a one-time setup
/// link written to the log.
/// </summary>
public sealed partial class AdministratorBootstrap(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    AdminSetupToken setupToken,
    ILogger<AdministratorBootstrap> logger)
{
    public const string EmailVariable = "MIE_ADMIN_EMAIL";
    public const string PasswordVariable = "MIE_ADMIN_PASSWORD";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task EnsureAdministratorAsync()
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var email = configuration[EmailVariable];
        var password = configuration[PasswordVariable];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            LogSetupLink(logger, setupToken.Issue());
            return;
        }

        email = email.Trim();
        var errors = await CreateAdministratorAsync(email, "Administrator", password);
        if (errors.Count > 0)
        {
            throw new Setup.StartupConfigurationException(
                $"{EmailVariable}/{PasswordVariable} cannot create the first administrator: {string.Join(" ", errors)}");
        }

        LogCreated(logger, email);
    }

    /// <summary>Creates an administrator account; returns Identity's messages when the email or password is refused.</summary>
    public async Task<IReadOnlyList<string>> CreateAdministratorAsync(string email, string displayName, string password)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        return [];
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No administrator exists. Open /account/setup?token={Token} on this app to create one (the link works once, until the app stops), or set MIE_ADMIN_EMAIL and MIE_ADMIN_PASSWORD.")]
    private static partial void LogSetupLink(ILogger logger, string token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email} from MIE_ADMIN_EMAIL")]
    private static partial void LogCreated(ILogger logger, string email);
}
