using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MieEvaluation.Web.Localization;

/// <summary>
/// The framework's own messages in the user's language: model binding errors (a letter in a number field, a missing
/// value) come from the shared resources instead of the built-in English texts.
/// </summary>
/// <remarks>
/// Validation rules live in FluentValidation alone, so the implicit [Required] of non-nullable strings is switched off,
/// and so are the unobtrusive <c>data-val-*</c> attributes: nothing on the pages reads them, and they carried the
/// framework's English ("The Email field is required."). The browser-side messages come from
/// <see cref="ConstraintMessagesTagHelper"/> instead.
/// </remarks>
internal sealed class LocalizedMvcMessages(IStringLocalizer<SharedResource> localizer) : IConfigureOptions<MvcOptions>, IConfigureOptions<MvcViewOptions>
{
    public void Configure(MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => localizer["Validation.Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => localizer["Validation.Required"]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Validation.Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.BodyRequired"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer["Validation.ValueInvalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Validation.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Validation.UnknownValue"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.UnknownValue"]);
        messages.SetValueIsInvalidAccessor(value => localizer["Validation.ValueInvalid", value]);
        messages.SetValueMustBeANumberAccessor(_ => localizer["Validation.Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.Number"]);
    }

    public void Configure(MvcViewOptions options) => options.HtmlHelperOptions.ClientValidationEnabled = false;
}
