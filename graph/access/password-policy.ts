/**
 * The password rule, apart from the Argon2 code (a native module) so that the API contract and the
 * browser can state it too: NIST SP 800-63B asks for length, not composition.
 */
export const MIN_PASSWORD_LENGTH = 12;
