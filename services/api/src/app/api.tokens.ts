/** Injection tokens of collaborators given to ApiModule.forRoot (interfaces have no runtime class). */
export const API_KEY_AUTHENTICATOR = Symbol('API_KEY_AUTHENTICATOR');
export const API_CONTEXT = Symbol('API_CONTEXT');
export const API_RATE_LIMITS = Symbol('API_RATE_LIMITS');
