using MieEvaluation.Web.Security;

namespace MieEvaluation.Web.Demo;

/// <summary>The demo accounts: one or more per role, so that a newcomer can see every view.</summary>
internal static class DemoAccounts
{
    public sealed record Account(string Email, string DisplayName, string[] Roles);

    /// <summary>The demo's administrator, who also saved and published the illustrative scheme.</summary>
    public const string Administrator = "admin@demo.mie";

    public static readonly IReadOnlyList<Account> All =
    [
        new(Administrator, "演示管理员 Demo administrator", [Roles.Administrator]),
        new("evaluator.east@demo.mie", "东部评估专家 East evaluator", [Roles.Evaluator]),
        new("evaluator.ops@demo.mie", "运营评估专家 Operations evaluator", [Roles.Evaluator]),
        new("evaluator.west@demo.mie", "中西部评估专家 West evaluator", [Roles.Evaluator]),
        new("reviewer@demo.mie", "审核人 Reviewer", [Roles.Reviewer]),
        new("official@demo.mie", "科协官员 CAST official", [Roles.Official]),
        new("analyst@demo.mie", "分析师 Analyst", [Roles.Analyst]),
        new(ContactOf16R01, "海淀区基地联络人 Haidian base contact", [Roles.BaseContact]),
    ];

    /// <summary>The contact of base 16R01 (Haidian District), who writes its self-evaluation.</summary>
    public const string ContactOf16R01 = "contact.16r01@demo.mie";

    /// <summary>The base the demo's base contact is bound to.</summary>
    public const string ContactBase = "16R01";
}
