// The people who have accounts at the simulated Google and Facebook. Their passwords are published on purpose
// (learners sign in as them), like the user pool's demo users. Gina's Google subject is the one the default world's
// user pool already knows (its user Google_104857600000000000001), so her first sign-in through the hosted UI finds
// that user and updates it; Glen is new to the pool, so his first sign-in creates a user.
// [V developers.google.com/identity/openid-connect/openid-connect: sub is the account's unique, never reused id, up to
// 255 ASCII characters (in practice 21 digits)]. [P] Facebook's user ids are app-scoped (one person has a different id
// in each app); the simulated Facebook gives a person the same id in every app, to keep the lesson on Cognito.

export interface GoogleAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  givenName: string;
  familyName: string;
  picture: string;
  locale: string;
  password: string;
}

export interface FacebookAccount {
  id: string;
  email: string;
  name: string;
  firstName: string;
  lastName: string;
  password: string;
}

export const GOOGLE_ACCOUNTS: readonly GoogleAccount[] = [
  {
    sub: '104857600000000000001',
    email: 'gina.google@gmail.example',
    emailVerified: true,
    name: 'Gina Google',
    givenName: 'Gina',
    familyName: 'Google',
    picture: 'https://lh3.googleusercontent.com/a/gina-google=s96-c',
    locale: 'en',
    password: 'Gina#Google1',
  },
  {
    sub: '104857600000000000002',
    email: 'glen.green@gmail.example',
    emailVerified: true,
    name: 'Glen Green',
    givenName: 'Glen',
    familyName: 'Green',
    picture: 'https://lh3.googleusercontent.com/a/glen-green=s96-c',
    locale: 'en',
    password: 'Glen#Google2',
  },
];

export const FACEBOOK_ACCOUNTS: readonly FacebookAccount[] = [
  { id: '10160000000000001', email: 'fiona.facebook@facebook.example', name: 'Fiona Facebook', firstName: 'Fiona', lastName: 'Facebook', password: 'Fiona#Facebook1' },
  { id: '10160000000000002', email: 'felix.fern@facebook.example', name: 'Felix Fern', firstName: 'Felix', lastName: 'Fern', password: 'Felix#Facebook2' },
];

/** Google finds an account by its e-mail address, case-insensitively. */
export const googleAccountByEmail = (email: string): GoogleAccount | undefined => GOOGLE_ACCOUNTS.find((a) => a.email.toLowerCase() === email.trim().toLowerCase());
export const googleAccountBySub = (sub: string): GoogleAccount | undefined => GOOGLE_ACCOUNTS.find((a) => a.sub === sub);
export const facebookAccountByEmail = (email: string): FacebookAccount | undefined => FACEBOOK_ACCOUNTS.find((a) => a.email.toLowerCase() === email.trim().toLowerCase());
export const facebookAccountById = (id: string): FacebookAccount | undefined => FACEBOOK_ACCOUNTS.find((a) => a.id === id);
