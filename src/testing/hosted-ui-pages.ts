// Reading the hosted UI's account pages as a learner's browser does: the alert and status lines, a link by its text,
// the form (action and hidden fields, through the simulated browser's own reader), a field's attributes by its label.
import { readForm } from '../client/html-form';
import { createBrowser, type Browser as SimBrowser } from '../client/browser';
import type { Simulator } from '../sim/index';

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export const alertOf = (html: string): string | undefined => {
  const m = /<p id="[A-Za-z]+ErrorMessage" role="alert">([^<]*)<\/p>/.exec(html);
  return m ? unescape(m[1]!) : undefined;
};

export const statusOf = (html: string): string | undefined => {
  const m = /<p role="status">([^<]*)<\/p>/.exec(html);
  return m ? unescape(m[1]!) : undefined;
};

/** The absolute href of the link whose text is `text`. */
export function linkTo(html: string, text: string, pageUrl: string): string {
  const m = new RegExp(`<a href="([^"]*)">${text.replace(/[?]/g, '\\?')}</a>`).exec(html);
  if (!m) throw new Error(`no link "${text}" on the page`);
  return new URL(unescape(m[1]!), pageUrl).href;
}

/** The <input> a <label> names, as one string of attributes. */
export function inputLabelled(html: string, label: string): string {
  const l = new RegExp(`<label for="([^"]+)">${label.replace(/[()?]/g, (c) => `\\${c}`)}</label>`).exec(html);
  if (!l) throw new Error(`no label "${label}"`);
  const input = new RegExp(`<input id="${l[1]}"[^>]*>`).exec(html);
  if (!input) throw new Error(`no input for "${label}"`);
  return input[0];
}

/** The form of a page, and a submit that sends its hidden fields with the given ones (one hop, not followed). */
export function formOn(browser: SimBrowser, html: string, pageUrl: string) {
  const form = readForm(html, pageUrl);
  return {
    action: form.action,
    hidden: form.hidden,
    submit: (fields: Record<string, string>) =>
      browser.request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...form.hidden, ...fields }).toString() }),
  };
}

/** The simulated browser of src/client, on the simulator's virtual clock. */
export const browserFor = (sim: Simulator): SimBrowser => createBrowser({ fetch: sim.fetch, now: () => sim.clock.now(), from: 'browser' });

/** The newest code sent to an address. */
export function lastCode(sim: Simulator, destination: string): string {
  const code = sim.messages().filter((m) => m.destination === destination && m.code).at(-1)?.code;
  if (!code) throw new Error(`no code was sent to ${destination}`);
  return code;
}
