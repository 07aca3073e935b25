/**
 * Markdown to safe HTML. markdown-it already refuses raw HTML (html: false);
 * DOMPurify is the second lock, in case a plugin or option ever lets some through.
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(markdown.render(source), { USE_PROFILES: { html: true } });
}
