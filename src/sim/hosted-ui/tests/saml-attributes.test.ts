// How the user pool turns SAML attributes into the strings its attribute mapping copies: one value as it is; several
// values URL-form-encoded (all but letters, digits, '.', '-', '*' and '_') inside brackets, comma separated.
import { describe, expect, it } from 'vitest';
import { joinValues } from '../federation/saml-validate';

describe('A SAML attribute value as the attribute mapping sees it', () => {
  it('is the value itself when there is one', () => {
    expect(joinValues(['Finance & Ops'])).toBe('Finance & Ops');
  });

  it('is "[a,b]" for several values, each URL form encoded except . - * _', () => {
    expect(joinValues(['engineering', 'all-staff'])).toBe('[engineering,all-staff]');
    expect(joinValues(['Finance & Ops', "o'neil.team_*", 'a,b'])).toBe("[Finance+%26+Ops,o%27neil.team_*,a%2Cb]");
  });
});
