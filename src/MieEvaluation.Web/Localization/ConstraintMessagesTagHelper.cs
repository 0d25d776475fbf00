using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MieEvaluation.Web.Localization;

/// <summary>
/// Gives every form control the messages for its HTML constraints (required, e-mail, number, min/max, length, pattern)
/// as <c>data-msg-*</c> attributes from the shared resources; wwwroot/js/forms.js shows them instead of the browser's
/// own, which follow the browser's language rather than the page's. The server still validates everything
/// (FluentValidation); these messages only spare a round trip.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class ConstraintMessagesTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    /// <summary>After the framework's input tag helper, so that the type and constraints it writes are seen.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        string? Attribute(string name) => output.Attributes.TryGetAttribute(name, out var a) ? Convert.ToString(a.Value, CultureInfo.InvariantCulture) : null;
        void Message(string name, string key, params object[] args) => output.Attributes.SetAttribute($"data-msg-{name}", localizer[key, args].Value);

        if (output.Attributes.ContainsName("required"))
        {
            Message("required", output.TagName == "select" ? "Validation.Choose" : "Validation.Required");
        }

        var type = Attribute("type")?.ToLowerInvariant();
        if (type == "email")
        {
            Message("type", "Validation.Email");
        }

        if (type == "number")
        {
            Message("number", "Validation.Number");
            Message("step", "Validation.Step");
        }

        var (min, max) = (Attribute("min"), Attribute("max"));
        if (min is not null || max is not null)
        {
            Message("range", min is null ? "Validation.Max" : max is null ? "Validation.Min" : "Validation.Range", min ?? max!, max ?? min!);
        }

        if (Attribute("minlength") is { } minLength)
        {
            Message("minlength", "Validation.MinLength", minLength);
        }

        if (output.Attributes.ContainsName("pattern"))
        {
            Message("pattern", "Validation.Pattern");
        }
    }
}
