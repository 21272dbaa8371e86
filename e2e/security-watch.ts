// Watches a page for what the hardening tests forbid: Content-Security-Policy violations (the page's own
// 'securitypolicyviolation' events, recorded from before the first script runs), console errors, uncaught
// exceptions and dialogs (an injected alert(1) would open one).
import type { Page } from '@playwright/test';

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

export interface SecurityWatch {
  /** Violations reported by the page so far (read from the page; survives nothing across navigations). */
  violations(): Promise<Violation[]>;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

export async function watchSecurity(page: Page): Promise<SecurityWatch> {
  // An init script is injected by the browser's debugging protocol, so the policy does not apply to it.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
  const watch: SecurityWatch = {
    violations: () => page.evaluate(() => window.__cspViolations ?? []),
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}
