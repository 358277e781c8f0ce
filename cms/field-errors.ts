/**
 * Shows a refused save where the editor looks: each problem in Chinese right under its field's label (found by the
 * field's dotted path, e.g. `period.end` or `attachments.0.file`), the field marked invalid, the first one scrolled
 * into view and focused. Problems without a field (cross-file rules) and lost-edit refusals go to a banner at the
 * top. Decap offers no API for this, so it works on the DOM Decap renders: every field is a container holding a
 * <label for="<name>-field-<n>"> and the control with that id.
 */
import type { ContentError } from '../src/lib/content/friendly-errors.ts';
import { MARKDOWN_FIELD } from './config.ts';

const MARK = 'data-gkl-error';

export function fieldName(label: HTMLLabelElement): string | undefined {
  return /^(.+)-field-\d+$/.exec(label.htmlFor)?.[1];
}

/** The container Decap renders around one field (label, control, hint), class "css-…-ControlContainer". */
const CONTAINER = '[class*="ControlContainer"]';

function ownLabel(container: Element): HTMLLabelElement | undefined {
  return [...container.querySelectorAll<HTMLLabelElement>('label[for]')].find(
    (l) => l.closest(CONTAINER) === container,
  );
}

/** Names of the groups and lists a field sits in, outermost first. */
export function ancestorNames(label: HTMLLabelElement): string[] {
  const names: string[] = [];
  for (let node = label.closest(CONTAINER)?.parentElement?.closest(CONTAINER); node;) {
    const name = ownLabel(node) && fieldName(ownLabel(node) as HTMLLabelElement);
    if (name !== undefined) names.unshift(name);
    node = node.parentElement?.closest(CONTAINER);
  }
  return names;
}

/** The label of the field at `path` (list rows by position), or undefined when it is not on screen. */
function findFieldLabel(path: readonly string[]): HTMLLabelElement | undefined {
  const names = path.filter((s) => !/^\d+$/.test(s));
  const leaf = names.at(-1);
  if (leaf === undefined) return undefined;
  const labels = [...document.querySelectorAll<HTMLLabelElement>('label[for]')].filter(
    (l) => fieldName(l) === leaf && ancestorNames(l).join('.') === names.slice(0, -1).join('.'),
  );
  const index = path.find((s) => /^\d+$/.test(s));
  return labels[index === undefined ? 0 : Number(index)] ?? labels[0];
}

/** The path of an error in the form: the Markdown body is MARKDOWN_FIELD in the CMS (`body` in the gate). */
function formPath(error: ContentError): string[] {
  if (error.field === 'body' && error.label === '正文') return [MARKDOWN_FIELD];
  return error.field === '' ? [] : error.field.split('.');
}

function focusable(container: Element, id: string): HTMLElement | null {
  const own = document.getElementById(id);
  if (own !== null && own.matches('input, select, textarea, [contenteditable="true"]')) return own;
  const scope = own ?? container;
  // The text itself before any toolbar button (the Markdown editor has a toolbar above its text).
  return (
    scope.querySelector<HTMLElement>('[contenteditable="true"], input:not([type="hidden"]), select, textarea') ??
    scope.querySelector<HTMLElement>('button')
  );
}

export function clearFieldErrors(): void {
  for (const node of document.querySelectorAll(`[${MARK}]`)) node.remove();
  for (const node of document.querySelectorAll('[aria-invalid="true"][data-gkl-invalid]')) {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('data-gkl-invalid');
    node.removeAttribute('aria-errormessage');
  }
}

/** A message at the top of the editor (problems with no field of their own, lost-edit refusals). */
export function showBanner(message: string): void {
  const banner = document.createElement('div');
  banner.setAttribute(MARK, 'banner');
  banner.setAttribute('role', 'alert');
  banner.className = 'gkl-banner';
  banner.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '知道了';
  close.addEventListener('click', () => banner.remove());
  banner.append(close);
  document.body.append(banner);
}

/**
 * Open every collapsed group around a field (Decap hides a collapsed object's fields with display: none), so an
 * error inside 闭环办理 → 限时办结 is seen, not just counted in the banner. Decap's object widget puts its
 * expand button in the top bar just before the hidden field list.
 */
function expandCollapsedGroups(element: Element): boolean {
  let expanded = false;
  for (let el = element.parentElement; el !== null && el.id !== 'nc-root'; el = el.parentElement) {
    if (getComputedStyle(el).display !== 'none') continue;
    const toggle = el.previousElementSibling?.querySelector('button');
    if (toggle instanceof HTMLElement) {
      toggle.click();
      expanded = true;
    }
  }
  return expanded;
}

/** Show every error next to its field; focus the first. Returns the errors that found no field. */
export function showFieldErrors(errors: readonly ContentError[]): ContentError[] {
  clearFieldErrors();
  const unplaced: ContentError[] = [];
  let first: HTMLElement | undefined;
  let reopened = false;
  errors.forEach((error, i) => {
    const label = findFieldLabel(formPath(error));
    const container = label?.closest(CONTAINER);
    if (label === undefined || container == null) {
      unplaced.push(error);
      return;
    }
    const opened = expandCollapsedGroups(label);
    const message = document.createElement('p');
    message.setAttribute(MARK, 'field');
    message.id = `gkl-error-${i}`;
    message.className = 'gkl-field-error';
    message.textContent = `${error.message}。${error.fix}`;
    (label.parentElement === container ? label : (label.parentElement as Element)).after(message);
    const control = focusable(container, label.htmlFor);
    if (control !== null) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('data-gkl-invalid', '');
      control.setAttribute('aria-errormessage', message.id);
    }
    // Inside a collapsed list row the control is not rendered; the message still sits at the row.
    first ??= control ?? message;
    reopened ||= opened;
  });
  const target = first;
  if (target !== undefined) {
    const focus = (): void => {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    };
    // A group just opened is shown on React's next render; focus after it.
    if (reopened) setTimeout(focus, 0);
    else focus();
  }
  if (unplaced.length > 0) {
    showBanner(unplaced.map((e) => `${e.label ? `【${e.label}】` : ''}${e.message}。${e.fix}`).join('\n'));
  }
  return unplaced;
}

/** Close Decap's error toasts (react-toastify) once the problem is fixed and the entry saved. */
export function clearErrorToasts(): void {
  for (const button of document.querySelectorAll<HTMLElement>('.Toastify__toast--error .Toastify__close-button')) {
    button.click();
  }
}
