import { describe, expect, it } from '@jest/globals';
import { keepTrackedFields, trackedFormFieldNames, withTrackedFormFields } from './tracked-form-fields.js';

describe('the form fields a web page may send', () => {
  it('never keeps a password, token or payment field, even when a workspace configures one', () => {
    const names = trackedFormFieldNames([
      'email',
      'company',
      'password',
      'user_passwd',
      'pwd',
      'api_token',
      'client_secret',
      'card_number',
      'cvc',
      'cvv2',
      'ssn',
      'iban',
      'bad name with spaces',
    ]);
    expect([...names]).toEqual(['email', 'company']);
  });

  it('has no field at all when the setting is unset', () => {
    expect(trackedFormFieldNames(null).size).toBe(0);
    expect(trackedFormFieldNames(undefined).size).toBe(0);
  });

  it('keeps only the configured names, and nothing when none of them was sent', () => {
    const allowed = trackedFormFieldNames(['email', 'company']);
    expect(
      keepTrackedFields(
        { email: 'ada@example.com', company: 'Acme', password: 'hunter2', notes: 'x' },
        allowed,
      ),
    ).toEqual({ email: 'ada@example.com', company: 'Acme' });
    expect(keepTrackedFields({ notes: 'x' }, allowed)).toBeUndefined();
  });

  it('leaves what is not an object for validation to refuse', () => {
    expect(keepTrackedFields('email=ada', new Set(['email']))).toBe('email=ada');
  });

  it('filters the form submissions of a batch of canonical events and leaves every other event alone', () => {
    const allowed = new Set(['email']);
    const form = {
      id: 'f1',
      type: 'web.form_submitted',
      subject: 'anon:a-1',
      data: { form_id: 'demo', fields: { email: 'ada@example.com', phone_secret: '1' } },
    };
    const unconfigured = { ...form, id: 'f2', data: { form_id: 'demo', fields: { notes: 'x' } } };
    const page = { id: 'p1', type: 'web.page_viewed', subject: 'anon:a-1', data: { fields: { notes: 'x' } } };
    expect(withTrackedFormFields([form, unconfigured, page, 'not an event'], allowed)).toEqual([
      { ...form, data: { form_id: 'demo', fields: { email: 'ada@example.com' } } },
      { ...unconfigured, data: { form_id: 'demo' } },
      page,
      'not an event',
    ]);
  });

  it('drops an unconfigured field whatever it holds; a configured one still meets the batch check', () => {
    const form = (fields: string) =>
      JSON.parse(
        `{"id":"f3","type":"web.form_submitted","subject":"anon:a-1","data":{"form_id":"d","fields":${fields}}}`,
      ) as unknown;
    expect(
      withTrackedFormFields([form('{"__proto__":{"x":1},"email":"a@b.c"}')], new Set(['email'])),
    ).toEqual([form('{"email":"a@b.c"}')]);
    const [kept] = withTrackedFormFields([form('{"email":"\\u0000"}')], new Set(['email']));
    expect(kept).toEqual(form('{"email":"\\u0000"}'));
  });
});
