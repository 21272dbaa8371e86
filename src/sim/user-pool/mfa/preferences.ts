// SetUserMFAPreference and AdminSetUserMFAPreference: which factors are on and which one is preferred, and how
// GetUser/AdminGetUser report it. "Only one factor can be set as preferred. The preferred MFA factor will be used
// to authenticate a user if multiple factors are activated. If multiple options are activated and no preference
// is set, a challenge to choose an MFA option will be returned during sign-in." [V BOTO SetUserMFAPreference doc]
// A factor left out of the request keeps its setting; turning a factor off is always allowed, even where the pool
// requires MFA ("Cognito does not throw and allows MFA to be disabled even when required" [V amplify-flutter
// mfa_sms_totp_required_test, against a real pool]); turning one on needs what it delivers codes through.
import { AwsError } from '../../core/errors';
import type { ServiceContext } from '../../core/router';
import type { User, UserPool } from '../model';
import { CHALLENGE_OF, editMfa, mfaOf, verifiedToken, type MfaFactorName } from './model';

export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

export interface MfaPreferenceInput {
  SMSMfaSettings?: MfaSettingsType;
  SoftwareTokenMfaSettings?: MfaSettingsType;
  EmailMfaSettings?: MfaSettingsType;
}

const SETTINGS_SHAPE = { type: 'object' as const, fields: { Enabled: { type: 'boolean' as const }, PreferredMfa: { type: 'boolean' as const } } };
export const MFA_PREFERENCE_SHAPE = { SMSMfaSettings: SETTINGS_SHAPE, SoftwareTokenMfaSettings: SETTINGS_SHAPE, EmailMfaSettings: SETTINGS_SHAPE };

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const wantsOn = (s: MfaSettingsType | undefined) => s?.Enabled === true || (s?.Enabled === undefined && s?.PreferredMfa === true);

/** Applies the request to the user, or throws AWS's error before changing anything. */
export function applyMfaPreference(call: ServiceContext, pool: UserPool, user: User, input: MfaPreferenceInput, now: number): void {
  const requested: [MfaFactorName, MfaSettingsType | undefined][] = [['SMS', input.SMSMfaSettings], ['TOTP', input.SoftwareTokenMfaSettings]];
  if (input.EmailMfaSettings && wantsOn(input.EmailMfaSettings)) {
    // [U] Email MFA needs the Essentials plan and SES; this simulated pool does not offer it.
    throw invalid('Email MFA has not been enabled by the userPool.');
  }
  for (const [factor, s] of requested) {
    if (s?.Enabled === false && s.PreferredMfa === true) throw invalid(`Cannot set ${CHALLENGE_OF[factor]} as preferred while disabling it.`); // [U]
  }
  if (requested.filter(([, s]) => s?.PreferredMfa === true).length > 1) throw invalid('Only one MFA type can be set as preferred.'); // [U]
  const current = mfaOf(user);
  for (const [factor, s] of requested) {
    if (!wantsOn(s)) continue;
    if (factor === 'SMS') {
      // [U] message: the pool does not offer SMS (worded after COGDOC's TOTP message for the same case).
      if (!pool.mfaFactors.includes('SMS') && !current.smsEnabled) throw invalid('SMS MFA has not been enabled by the userPool.');
      // [P] worded as AWS words the TOTP case below ("delivery config" = a phone number for SMS).
      if (!user.attributes.get('phone_number')) throw invalid('User does not have delivery config set to turn on SMS_MFA');
    } else if (!verifiedToken(user)) {
      // [V ISS aws/aws-sdk-js-v3#4645] turning on TOTP before a software token was associated and verified.
      throw invalid('User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA');
    }
  }

  const mfa = editMfa(user);
  const said: string[] = [];
  for (const [factor, s] of requested) {
    if (!s) continue;
    const key = factor === 'SMS' ? 'smsEnabled' : 'totpEnabled';
    if (s.Enabled === false) mfa[key] = false;
    else if (wantsOn(s)) mfa[key] = true;
    if (s.PreferredMfa === true && mfa[key]) mfa.preferred = factor;
    else if ((s.PreferredMfa === false || !mfa[key]) && mfa.preferred === factor) delete mfa.preferred;
    const words = `${factor === 'SMS' ? 'SMS' : 'TOTP (authenticator app)'} MFA ${mfa[key] ? 'on' : 'off'}${mfa.preferred === factor ? ' and preferred' : ''}`;
    said.push(words);
    call.note({ kind: 'mfa', factor, step: 'preference', outcome: 'ok', summary: `${user.username}: ${words}.` });
  }
  user.lastModified = now;
  const on = (['SMS', 'TOTP'] as const).filter((f) => (f === 'SMS' ? mfa.smsEnabled : mfa.totpEnabled));
  const next = pool.mfaConfiguration === 'OFF'
    ? 'MFA is OFF for this pool, so sign-in asks for no second factor whatever the user chose.'
    : on.length === 0
      ? pool.mfaConfiguration === 'ON' ? 'No factor is on, but the pool requires MFA: the next sign-in asks to set one up (or texts a code to the phone number).' : 'No factor is on: the next sign-in ends after the password.'
      : on.length === 1 || mfa.preferred
        ? `The next sign-in asks for ${CHALLENGE_OF[mfa.preferred ?? on[0]!]} after the password.`
        : 'Both factors are on and neither is preferred: the next sign-in answers SELECT_MFA_TYPE so the user picks one.';
  call.note({ kind: 'user-changed', summary: `${user.username}'s MFA settings: ${said.join(', ') || 'unchanged'}. ${next}`, username: user.username, change: `MFA preference: ${said.join(', ') || 'unchanged'}` });
}

/** The MFA members of GetUser and AdminGetUser (left out when no factor is on). */
export function mfaSettingsOf(user: User): { MFAOptions?: { DeliveryMedium: 'SMS'; AttributeName: 'phone_number' }[]; PreferredMfaSetting?: string; UserMFASettingList?: string[] } {
  const mfa = mfaOf(user);
  const list = [...(mfa.smsEnabled ? ['SMS_MFA'] : []), ...(mfa.totpEnabled ? ['SOFTWARE_TOKEN_MFA'] : [])];
  return {
    // [P] MFAOptions is the legacy, SMS-only view of the same setting (ISS aws-amplify/amplify-js#1343 shows it with SMS MFA on).
    ...(mfa.smsEnabled ? { MFAOptions: [{ DeliveryMedium: 'SMS' as const, AttributeName: 'phone_number' as const }] } : {}),
    ...(mfa.preferred ? { PreferredMfaSetting: CHALLENGE_OF[mfa.preferred] } : {}),
    ...(list.length > 0 ? { UserMFASettingList: list } : {}),
  };
}
