/**
 * The first-load baseline: a bare React page that renders the same markup as
 * our participant route's usable join screen (captured from it by build.ts and
 * compiled in as data), with the same stylesheets, and nothing else: no i18n,
 * no router, no room code.
 */
import { createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** An element as build.ts captured it: tag, attributes, children (a string is a text node). */
type Captured = [string, Record<string, string>, (Captured | string)[]];
declare const __JOIN_MARKUP__: (Captured | string)[];

const RENAMED: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  maxlength: 'maxLength',
  minlength: 'minLength',
  readonly: 'readOnly',
  autocomplete: 'autoComplete',
  inputmode: 'inputMode',
  enterkeyhint: 'enterKeyHint',
  viewbox: 'viewBox',
};
const BOOLEAN = new Set(['disabled', 'checked', 'readOnly', 'required', 'hidden', 'multiple']);

function style(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    const [name, ...value] = part.split(':');
    if (!name?.trim() || value.length === 0) continue;
    const prop = name.trim().startsWith('--')
      ? name.trim()
      : name.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[prop] = value.join(':').trim();
  }
  return out;
}

function toReact(node: Captured | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const [tag, attributes, children] = node;
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(attributes)) {
    const prop = RENAMED[name] ?? name;
    if (prop === 'style') props.style = style(value);
    else if (BOOLEAN.has(prop)) props[prop] = true;
    else if (prop === 'checked' || prop === 'value')
      props[`default${prop[0]?.toUpperCase()}${prop.slice(1)}`] = value;
    else props[prop] = value;
  }
  if (tag === 'textarea' || tag === 'input' || tag === 'select') props.onChange = () => {};
  if (tag === 'textarea') {
    props.defaultValue = children.join('');
    return createElement(tag, props);
  }
  return createElement(tag, props, ...children.map(toReact));
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<>{__JOIN_MARKUP__.map(toReact)}</>);
