import { describe, expect, it } from '@jest/globals';
import { twilioSignature } from './twilio-signature.js';

describe('twilioSignature', () => {
  it("gives the signature of Twilio's security documentation example (TwilioDevEd/api-snippets, signature_validation)", () => {
    const params = {
      To: '+18005551212',
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      From: '+14158675309',
      Digits: '1234',
    };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
      'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
    );
  });
});
