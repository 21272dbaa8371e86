// MFA state as the user pool keeps it: the pool's setting and factors, each user's factors (SMS, the software
// token) and preference, and what an MFA sign-in session remembers between its calls. Shapes and small readers
// only; the rules live beside this file.
import type { User } from '../model';

/** The factors a pool allows, as the world names them (SmsMfaConfiguration / SoftwareTokenMfaConfiguration). */
export type MfaFactorName = 'SMS' | 'TOTP';
/** The MFA challenges of the API, named as ChallengeNameType and the MFA type lists name them. */
export type MfaChallengeName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';

export const CHALLENGE_OF: Record<MfaFactorName, MfaChallengeName> = { SMS: 'SMS_MFA', TOTP: 'SOFTWARE_TOKEN_MFA' };
export const FACTOR_OF: Record<MfaChallengeName, MfaFactorName> = { SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP' };

/** A software token (TOTP authenticator) of one user. */
export interface SoftwareToken {
  /** Base32, as AssociateSoftwareToken returned it: the shared secret of the user's authenticator app. */
  secret: string;
  /** False between AssociateSoftwareToken and a VerifySoftwareToken that accepted a code from it. */
  verified: boolean;
  friendlyDeviceName?: string;
  associatedAt: number;
}

export interface UserMfa {
  /** SMSMfaSettings.Enabled: codes go to phone_number. */
  smsEnabled: boolean;
  /** SoftwareTokenMfaSettings.Enabled: codes come from the verified software token. */
  totpEnabled: boolean;
  /** The factor marked PreferredMfa, if any. */
  preferred?: MfaFactorName;
  softwareToken?: SoftwareToken;
  /** The 30-second step of the last TOTP code the pool accepted: a code works once (see ./totp-check.ts). */
  lastTotpStep?: number;
}

/** What an auth session (pool.sessions) of an MFA step carries besides its user, client and expiry. */
export interface MfaSessionState {
  /** SMS_MFA: the code texted for this sign-in; it lives as long as the session. */
  smsCode?: string;
  /** SMS_MFA asked because the pool requires MFA and the user had no factor: a right code turns SMS MFA on. */
  enablesSms?: boolean;
  /** MFA_SETUP: how far the software token's setup has come in this sign-in. */
  setup?: 'challenged' | 'associated' | 'verified';
}

const NONE: Readonly<UserMfa> = Object.freeze({ smsEnabled: false, totpEnabled: false });

/** The user's MFA state for reading (users the world or another module created may have none yet). */
export const mfaOf = (user: User): Readonly<UserMfa> => user.mfa ?? NONE;

/** The user's MFA state for changing, created on first use. */
export function editMfa(user: User): UserMfa {
  user.mfa ??= { smsEnabled: false, totpEnabled: false };
  return user.mfa;
}

/** The verified software token, if the user has one. */
export function verifiedToken(user: User): SoftwareToken | undefined {
  const token = mfaOf(user).softwareToken;
  return token?.verified ? token : undefined;
}
