import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseStsCredentials, xmlText } from './sts-xml';
import { assumeRole } from './aws-exchanges.testkit';

describe('xmlText', () => {
  it('reads an element by its path, at any depth for the first name, ignoring namespace prefixes and attributes', () => {
    const xml = '<sts:R xmlns:sts="urn:x"><sts:Result id="1"><Code>AccessDenied</Code></sts:Result><Other/></sts:R>';
    expect(xmlText(xml, ['Result', 'Code'])).toBe('AccessDenied');
    expect(xmlText(xml, ['Code'])).toBe('AccessDenied');
    expect(xmlText(xml, ['Other'])).toBe('');
    expect(xmlText(xml, ['Missing'])).toBeUndefined();
    expect(xmlText(xml, ['Result', 'Other'])).toBeUndefined();
  });

  it('does not take an element for another whose name starts the same', () => {
    expect(xmlText('<CredentialsSource>x</CredentialsSource><Credentials>y</Credentials>', ['Credentials'])).toBe('y');
  });
});

describe('decodeXmlText', () => {
  it('decodes the five named entities, numeric references and CDATA', () => {
    expect(decodeXmlText('a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#43;&#x2F; &unknown;')).toBe('a&b <c> "d" \'e\' +/ &unknown;');
    expect(decodeXmlText('<![CDATA[a&amp;<b>]]>')).toBe('a&amp;<b>');
  });
});

describe('parseStsCredentials', () => {
  it('reads the credentials, the assumed role and the subject of an AssumeRoleWithWebIdentity answer', () => {
    expect(parseStsCredentials(assumeRole().response.body!)).toEqual({
      accessKeyId: 'ASIAQ3EGUQ7STSKEY345',
      secretAccessKey: '9drTJvcXLB89EXAMPLELB8923FB892xMFI+STS',
      sessionToken: 'FwoGZXIvYXdzEXAMPLE&token/from+sts==',
      expiration: '2026-03-02T10:00:00Z',
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/Cognito_LearnerAuth_Role/learner-session',
      subject: 'us-east-1:7f3c2a10-5b4e-4d8a-9c61-2e0f1a9b3c44',
    });
  });

  it('finds nothing in an error answer or in credentials without a key id', () => {
    const error = '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error><RequestId>r</RequestId></ErrorResponse>';
    expect(parseStsCredentials(error)).toBeUndefined();
    expect(parseStsCredentials('<Credentials><SecretAccessKey>s</SecretAccessKey></Credentials>')).toBeUndefined();
  });
});
