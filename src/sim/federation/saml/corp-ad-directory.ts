// CorpAD: a simulated corporate directory behind an AD FS-style SAML 2.0 identity provider at adfs.corp.example.
// Its employees sign in there with their corporate password; the user pool never sees that password, only the
// signed assertion. Demo passwords are published on purpose: learners sign in as these employees.
// Claim types: AD FS's built-in ones for e-mail, name and group [P AD FS claim descriptions]; the department is
// CorpAD's own claim type (AD FS has none for it, organisations define their own).

export const CORP_AD_HOST = 'adfs.corp.example';
export const CORP_AD_ORIGIN = `https://${CORP_AD_HOST}`;
/** AD FS's default entity ID form: http://{host}/adfs/services/trust. */
export const CORP_AD_ENTITY_ID = `http://${CORP_AD_HOST}/adfs/services/trust`;
export const CORP_AD_SSO_PATH = '/adfs/ls/';
export const CORP_AD_SSO_URL = `${CORP_AD_ORIGIN}${CORP_AD_SSO_PATH}`;
export const CORP_AD_METADATA_PATH = '/FederationMetadata/2007-06/FederationMetadata.xml';
export const CORP_AD_METADATA_URL = `${CORP_AD_ORIGIN}${CORP_AD_METADATA_PATH}`;

export const CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  group: 'http://schemas.xmlsoap.org/claims/Group',
  department: 'http://schemas.corp.example/claims/department',
} as const;

export interface Employee {
  /** The Windows account name; CorpAD issues it as the NameID, so the user pool user is CorpAD_{username}. */
  username: string;
  password: string;
  name: string;
  email: string;
  department: string;
  groups: string[];
}

export const CORP_AD_EMPLOYEES: readonly Employee[] = [
  { username: 'carol.corp', password: 'Carol#Corp2026', name: 'Carol Corp', email: 'carol@corp.example', department: 'Engineering', groups: ['engineering', 'all-staff'] },
  { username: 'frank.finance', password: 'Frank#Ledger2026', name: 'Frank Finance', email: 'frank@corp.example', department: 'Finance', groups: ['finance', 'approvers', 'all-staff'] },
];

/** Demo passwords of CorpAD's employees, shown in the UI next to the user pool's own demo users. */
export const CORP_AD_PASSWORDS: Readonly<Record<string, string>> = Object.fromEntries(CORP_AD_EMPLOYEES.map((e) => [e.username, e.password]));

/** Account names are case-insensitive in Active Directory. */
export const findEmployee = (username: string): Employee | undefined => CORP_AD_EMPLOYEES.find((e) => e.username.toLowerCase() === username.trim().toLowerCase());

/** The claims CorpAD releases for an employee, by claim type (the SAML Attribute Name). */
export function claimsOf(employee: Employee): { name: string; values: string[] }[] {
  return [
    { name: CLAIMS.email, values: [employee.email] },
    { name: CLAIMS.name, values: [employee.name] },
    { name: CLAIMS.department, values: [employee.department] },
    { name: CLAIMS.group, values: employee.groups },
  ];
}
