import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * The verification key SendGrid shows for its Signed Event Webhook: base64 DER (SubjectPublicKeyInfo)
 * of an ECDSA P-256 key. Throws when the text is not such a key: the api refuses it when it is set,
 * ingest reads it when it checks a signature.
 */
export function sendgridPublicKey(base64Der: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('SendGrid verification keys are ECDSA P-256 keys');
  return key;
}
