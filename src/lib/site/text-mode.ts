/**
 * The 大字高对比 (large text, high contrast) mode's two tiny inline scripts, kept here as exact strings so the
 * CSP can allow them by hash (astro.config.mjs `security.csp.scriptDirective.hashes`): a strict CSP blocks inline
 * scripts it has no hash for, and Astro only hashes the scripts it bundles itself.
 *
 * - APPLY runs in <head> before the first paint, so a reader who chose large text never sees a flash of small text.
 * - TOGGLE reveals the (hidden by default) switch and stores the choice. Without JavaScript neither runs: the
 *   switch stays hidden and the default style (18 px, AA contrast) applies.
 */
import { createHash } from 'node:crypto';

/** localStorage key and the class on <html> that switches the mode on. */
export const TEXT_MODE_KEY = 'gkl-text-mode';
export const TEXT_MODE_CLASS = 'large-text';

export const APPLY_TEXT_MODE_SCRIPT = `try{if(localStorage.getItem('${TEXT_MODE_KEY}')==='large')document.documentElement.classList.add('${TEXT_MODE_CLASS}')}catch(e){}`;

export const TOGGLE_TEXT_MODE_SCRIPT = `(function(){var b=document.getElementById('text-mode'),r=document.documentElement;if(!b)return;function s(){b.setAttribute('aria-pressed',String(r.classList.contains('${TEXT_MODE_CLASS}')))}b.hidden=false;s();b.addEventListener('click',function(){var on=r.classList.toggle('${TEXT_MODE_CLASS}');try{localStorage.setItem('${TEXT_MODE_KEY}',on?'large':'standard')}catch(e){}s()})})()`;

/** CSP source expression ('sha256-…' without quotes, as Astro expects) for an inline script's exact text. */
export function cspHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

export const TEXT_MODE_SCRIPT_HASHES = [cspHash(APPLY_TEXT_MODE_SCRIPT), cspHash(TOGGLE_TEXT_MODE_SCRIPT)];
