namespace MieEvaluation.Web.Security;

/// <summary>The six roles; a person may hold several, except a base contact, who holds only that one.</summary>
public static class Roles
{
    /// <summary>Users, bases, indicators, issue categories, expert groups.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Enters and submits data and issues for the bases of their expert groups only.</summary>
    public const string Evaluator = nameof(Evaluator);

    /// <summary>Approves, returns and reopens submissions.</summary>
    public const string Reviewer = nameof(Reviewer);

    /// <summary>Dashboards, base pages, issue summaries; read-only.</summary>
    public const string Official = nameof(Official);

    /// <summary>What an official sees, plus every export.</summary>
    public const string Analyst = nameof(Analyst);

    /// <summary>Bound to one base (<see cref="AppUser.BaseId"/>): writes its self-evaluation, sees its page and nothing of other bases.</summary>
    public const string BaseContact = nameof(BaseContact);

    public static readonly IReadOnlyList<string> All = [Administrator, Evaluator, Reviewer, Official, Analyst, BaseContact];

    /// <summary>The roles of the evaluation office: every role but the base contact's.</summary>
    public static readonly string[] Office = [Administrator, Evaluator, Reviewer, Official, Analyst];
}
