/** Inputs never read, whatever their name: secrets, files and the buttons themselves. */
const NEVER_READ = /^(password|hidden|file|submit|button|reset|image)$/;
/** Browsers' autofill hints of secrets and payment data. */
const SECRET_AUTOCOMPLETE = /password|one-time-code|^cc-/;

type FieldValue = string | boolean;

/**
 * What a form submission sends: the values of the fields the workspace configured (inlined in the
 * script by ingest, which filters again on receipt), never a password, hidden, file or payment input.
 * A checkbox is whether it is ticked; a radio group the value chosen.
 */
export function formFields(form: HTMLFormElement, allowed: readonly string[]): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const element of Array.from(form.elements)) {
    const input = element as HTMLInputElement;
    const { name, type } = input;
    if (!name || allowed.indexOf(name) < 0 || NEVER_READ.test(type)) continue;
    if (SECRET_AUTOCOMPLETE.test(input.getAttribute('autocomplete') ?? '')) continue;
    if (type === 'checkbox') fields[name] = input.checked;
    else if (type === 'radio') {
      if (input.checked) fields[name] = input.value;
    } else if (typeof input.value === 'string') fields[name] = input.value.slice(0, 1024);
  }
  return fields;
}

/** A form's name for `form_id`: its id, name or action, as written in the page. */
export function formId(form: HTMLFormElement): string {
  // getAttribute, not form.id: an input named "id" would shadow the property.
  const id = form.getAttribute('id') || form.getAttribute('name') || form.getAttribute('action') || 'form';
  return id.slice(0, 256);
}
