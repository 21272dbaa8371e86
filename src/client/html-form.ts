// Reads the sign-in form out of a hosted UI page, as a browser would: where it posts and its hidden fields.
export function readForm(html: string, pageUrl: string): { action: string; hidden: Record<string, string> } {
  const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const form = /<form\b[^>]*\bmethod="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error('no sign-in form on the page');
  const action = unescape(/\baction="([^"]*)"/.exec(form[0])?.[1] ?? '');
  const hidden: Record<string, string> = {};
  for (const input of form[1]!.matchAll(/<input\b[^>]*>/g)) {
    if (!/\btype="hidden"/.test(input[0])) continue;
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    if (name) hidden[unescape(name)] = unescape(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  return { action: new URL(action, pageUrl).href, hidden };
}
