// Options after "?" in the hash route (#/learn/<scenario>/<step>?view=presenter&layout=sequence): how a page is
// shown, which a link can name. The route's own segments (src/app/routes.ts) never include them.

export interface ViewOptions {
  presenter: boolean;
  layout: 'diagram' | 'sequence';
  tab?: string;
}

export function readViewOptions(hash: string = window.location.hash): ViewOptions {
  const query = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const tab = query.get('tab');
  return {
    presenter: query.get('view') === 'presenter',
    layout: query.get('layout') === 'sequence' ? 'sequence' : 'diagram',
    ...(tab ? { tab } : {}),
  };
}

/** "#/learn/x/3" + options → "#/learn/x/3?view=presenter&layout=sequence" (defaults left out). */
export function withViewOptions(href: string, options: Partial<ViewOptions>): string {
  const query = new URLSearchParams();
  if (options.presenter) query.set('view', 'presenter');
  if (options.layout === 'sequence') query.set('layout', 'sequence');
  if (options.tab) query.set('tab', options.tab);
  const text = query.toString();
  return text ? `${href.split('?')[0]}?${text}` : href.split('?')[0]!;
}
