// The browser's own constraint messages follow the browser's language; these come from the page's resources
// (data-msg-* written by ConstraintMessagesTagHelper), so a Chinese page says it in Chinese and an English one in English.
(function () {
    'use strict';
    function messageFor(control) {
        var v = control.validity, d = control.dataset;
        if (v.valueMissing) { return d.msgRequired; }
        if (v.typeMismatch) { return d.msgType; }
        if (v.badInput) { return d.msgNumber; }
        if (v.rangeUnderflow || v.rangeOverflow) { return d.msgRange; }
        if (v.stepMismatch) { return d.msgStep; }
        if (v.tooShort) { return d.msgMinlength; }
        if (v.patternMismatch) { return d.msgPattern; }
        return undefined;
    }
    document.addEventListener('invalid', function (event) {
        var control = event.target;
        control.setCustomValidity('');
        var message = messageFor(control);
        if (message) { control.setCustomValidity(message); }
    }, true);
    function clear(event) {
        if (event.target.setCustomValidity) { event.target.setCustomValidity(''); }
    }
    document.addEventListener('input', clear, true);
    document.addEventListener('change', clear, true);
}());
