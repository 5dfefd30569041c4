/**
 * The form fields the tracking snippet may capture (a workspace setting): names as forms carry them.
 * Passwords and payment data are never captured, whatever a workspace lists.
 */
export const TRACKING_FORM_FIELD_PATTERN = /^[A-Za-z0-9_.:[\]-]{1,64}$/;
export const MAX_TRACKING_FORM_FIELDS = 100;

const NEVER_CAPTURED = /pass(word|wd)?|pwd|secret|token|card|cvc|cvv|iban|ssn|social.?security/i;

/** Why the snippet may not capture this field, or undefined when it may. */
export function trackingFormFieldRefusal(name: string): string | undefined {
  if (!TRACKING_FORM_FIELD_PATTERN.test(name))
    return 'a form field name of 1 to 64 letters, digits, "_", ".", ":", "[", "]" and "-"';
  if (NEVER_CAPTURED.test(name))
    return 'a field that is not a password, token or payment field: the snippet never captures those';
  return undefined;
}
