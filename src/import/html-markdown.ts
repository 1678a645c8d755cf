import TurndownService from 'turndown';

/**
 * HTML made Discord Markdown: ATX headings, fenced code, `-` lists, links kept (made absolute
 * against the page's address, since a relative link means nothing in Discord). Images become
 * their links; scripts, styles and forms are dropped.
 */
export function htmlToMarkdown(html: string, base?: string): string {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  service.remove(['script', 'style', 'noscript', 'form', 'button', 'iframe']);
  service.addRule('absolute-links', {
    filter: (node) => node.nodeName === 'A' && node.getAttribute('href') !== null,
    replacement: (content, node) => {
      const href = absolute((node as { getAttribute(name: string): string | null }).getAttribute('href') ?? '', base);
      const text = content.trim();
      if (href === undefined) return text;
      return text === '' || text === href ? `<${href}>` : `[${text}](${href})`;
    },
  });
  return service.turndown(html).trim();
}

/** An http(s) address for `href` on the page at `base`; undefined for anchors, mailto: and javascript:. */
export function absolute(href: string, base?: string): string | undefined {
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
