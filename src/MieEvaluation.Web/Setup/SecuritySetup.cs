using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MieEvaluation.Web.Data;
using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Setup;

/// <summary>Accounts, cookies, authorization policies, rate limits, security headers and shared data-protection keys.</summary>
internal static class SecuritySetup
{
    public const string LoginRateLimit = "login";
    public const string AuthCookie = "mie.auth";
    public const string AntiforgeryCookie = "mie.xsrf";

    /// <summary>
    /// Where HTTPS is on, a cookie's name carries the <c>__Host-</c> prefix: browsers then accept it only over HTTPS,
    /// for the whole host (path /, no domain), so a sibling subdomain or a plain-HTTP page cannot plant or overwrite it.
    /// </summary>
    public static string CookieName(string name, bool httpsOnly) => httpsOnly ? $"__Host-{name}" : name;
    public const string ImportRateLimit = "import";

    public static WebApplicationBuilder AddMieSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(options);
        var services = builder.Services;

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // "Confirmed" means "not disabled" here (EnabledAccountConfirmation): Identity refuses a disabled account's sign-in.
                o.SignIn.RequireConfirmedAccount = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // No lock that anyone could set off for someone else's account: failed sign-ins delay further attempts
                // instead (PasswordCheck, SignInThrottlePolicy).
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<MieDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledAccountConfirmation>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = CookieName(AuthCookie, options.HttpsOnly);
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = options.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Every request, not every 30 minutes: a sign-out, a new password, a disabling or a removed role takes effect
            // at once, on every instance.
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            // A signed-in user without the right gets a real 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName(AntiforgeryCookie, options.HttpsOnly);
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = options.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Every page and API route needs a signed-in account holding a role of the evaluation office, whether it names
        // no policy (the fallback) or a bare [Authorize] (the default); an account without a role reaches only what is
        // marked SignedIn (home, password, sign-out) until an administrator gives it one. A base contact reaches only
        // the pages marked BaseContent, which decide per base.
        var holdsAnOfficeRole = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.Office).Build();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(holdsAnOfficeRole)
            .SetDefaultPolicy(holdsAnOfficeRole)
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.BaseContent, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.EnterData, p => p.RequireRole(Roles.Evaluator))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Policies.ImportValues, p => p.RequireRole(Roles.Evaluator, Roles.Reviewer))
            .AddPolicy(Policies.ViewFigures, p => p.RequireRole(BaseAuthorizationHandler.FigureReaders))
            .AddPolicy(Policies.Export, p => p.RequireRole(Roles.Analyst, Roles.Administrator));

        // The HTTP API authenticates with personal access tokens only; its controllers name this scheme, so the
        // cookie is never accepted there (and cross-site request forgery has nothing to ride on). Which scheme a request
        // is challenged with follows its path: /api never redirects to the login page (401 problem details instead),
        // and the file exports under /export take a bearer token as well as the session.
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = RequestScheme;
                o.DefaultChallengeScheme = RequestScheme;
                o.DefaultForbidScheme = RequestScheme;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(RequestScheme, "The session for pages, the token for the API", o => o.ForwardDefaultSelector = SchemeFor);
        services.AddScoped<TokenService>();
        services.AddScoped<AccountPrincipals>();
        services.AddScoped<SignInThrottleStore>();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<PasswordCheck.UnknownAccountHash>();
        services.AddScoped<EvaluatorScope>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, BaseAuthorizationHandler>();
        services.AddSingleton<AdminSetupToken>();
        services.AddScoped<AdministratorBootstrap>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(ImportRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ImportsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // Besides the rate per minute: one running import per user, and few on the instance at all.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsImport(context)
                    ? RateLimitPartition.GetConcurrencyLimiter($"user:{context.User.Identity?.Name}", _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsImport(context)
                    ? RateLimitPartition.GetConcurrencyLimiter("imports", _ => new ConcurrencyLimiterOptions { PermitLimit = options.ConcurrentImports, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = (context, _) =>
            {
                // When to try again: the window's end for a rate, a few seconds for a running import.
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
                context.HttpContext.Response.Headers.RetryAfter = RetryAfter.Header(retry);
                return ValueTask.CompletedTask;
            };
        });

        // Keys in the database: every app instance behind a load balancer reads the same cookies and tokens.
        var keys = services.AddDataProtection().SetApplicationName("MieEvaluation").PersistKeysToDbContext<MieDbContext>();
        var encryption = builder.Configuration.GetSection(KeyEncryptionOptions.SectionName).Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();
        if (!string.IsNullOrWhiteSpace(encryption.CertificatePath))
        {
            keys.ProtectKeysWithCertificate(LoadCertificate(encryption.CertificatePath, encryption.CertificatePassword, "DataProtection:CertificatePath"));
            if (!string.IsNullOrWhiteSpace(encryption.PreviousCertificatePath))
            {
                keys.UnprotectKeysWithAnyCertificate(LoadCertificate(encryption.PreviousCertificatePath, encryption.PreviousCertificatePassword,
                    "DataProtection:PreviousCertificatePath"));
            }
        }
        else if (!builder.Environment.IsDevelopment())
        {
            services.AddHostedService<UnencryptedKeysWarning>();
        }

        return builder;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadCertificate(string path, string? password, string setting)
    {
        try
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? certificate : throw new StartupConfigurationException($"{setting} \"{path}\" holds no private key.");
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new StartupConfigurationException($"{setting} \"{path}\" cannot be read with its password setting: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new StartupConfigurationException($"{setting} \"{path}\" cannot be opened: {ex.Message}", ex);
        }
    }

    private static bool IsImport(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName == ImportRateLimit;

    private const string RequestScheme = "mie";

    private static string SchemeFor(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") ||
        (context.Request.Path.StartsWithSegments("/export") && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            ? TokenAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme;

    public static WebApplication UseMieSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>Authentication, authorization and rate limits: after routing, before the endpoints.</summary>
    public static WebApplication UseMieAccessControl(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
