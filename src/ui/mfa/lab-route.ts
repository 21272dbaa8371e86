// Where the live TOTP lab lives: #/learn/lab/totp (params ['lab', 'totp'] of the Learn route).
export const TOTP_LAB_PARAMS = ['lab', 'totp'] as const;
export const TOTP_LAB_HREF = `#/learn/${TOTP_LAB_PARAMS.join('/')}`;

/** True when the Learn route's parameters name the live TOTP lab. */
export const isTotpLab = (params: readonly string[]): boolean => params[0] === TOTP_LAB_PARAMS[0] && params[1] === TOTP_LAB_PARAMS[1];

/** The issuer an authenticator app lists the entry under. */
export const TOTP_ISSUER = 'Cognito Lab';
