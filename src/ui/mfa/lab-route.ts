// Where the live TOTP lab lives: #/learn/lab/totp (params ['lab', 'totp'] of the Learn route).
export const TOTP_LAB_PARAMS = ['lab', 'totp'] as const;
export const TOTP_LAB_HREF = `#/learn/${TOTP_LAB_PARAMS.join('/')}`;

/** True when the Learn route's parameters name the live TOTP lab. */
export const isTotpLab = (params: readonly string[]): boolean => params[0] === TOTP_LAB_PARAMS[0] && params[1] === TOTP_LAB_PARAMS[1];

/** The issuer an authenticator app lists the entry under. */
export const TOTP_ISSUER = 'Cognito Lab';

/** The lab page's heading and lead, shown by the Learn page too while the lab's code loads. */
export const TOTP_LAB_TITLE = 'Live TOTP lab';
export const TOTP_LAB_LEAD =
  'Set up an authenticator app for the demo user alice, with your phone or the virtual authenticator, then sign in with her password and a code. This lab’s simulator keeps its clock at the real time, so the codes on your phone work.';
