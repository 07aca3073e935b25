import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/content/markdown';

describe('renderMarkdown', () => {
  it('renders emphasis and lists', () => {
    expect(renderMarkdown('- **Register** the incident')).toBe(
      '<ul>\n<li><strong>Register</strong> the incident</li>\n</ul>\n',
    );
  });

  it('never lets raw HTML or script links through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    );
    const page = document.createElement('div');
    page.innerHTML = html;
    expect(page.querySelector('script, img')).toBeNull();
    expect(page.querySelector('a[href^="javascript"]')).toBeNull();
    expect(page.textContent).toContain('<script>alert(1)</script>');
  });
});
