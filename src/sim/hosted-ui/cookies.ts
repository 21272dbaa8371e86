// The hosted UI's session cookie, `cognito`: an opaque handle to a server-side session of one hour on the virtual clock.
// Secure and HttpOnly, scoped to the pool's domain; signing out expires it.
export const SESSION_COOKIE = 'cognito';

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(id: string, expiresAt: number, now: number): string {
  return `${SESSION_COOKIE}=${id}; Expires=${new Date(expiresAt).toUTCString()}; Max-Age=${Math.round((expiresAt - now) / 1000)}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Expires=${new Date(0).toUTCString()}; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax`;
}
