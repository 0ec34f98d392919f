// Messages from the bundles in ../i18n/<lang>.json, and numbers and dates formatted with Intl for the language.

const STORED = 'arrival.dashboard.language';
let language = 'en';
let messages = {};
let fallback = {};

/** The language to start with: the stored choice, else the browser's first supported one, else the first offered. */
export function preferred(available) {
  const stored = localStorage.getItem(STORED);
  if (stored && available.includes(stored)) {
    return stored;
  }
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (available.includes(base)) {
      return base;
    }
  }
  return available[0];
}

async function bundle(lang) {
  const response = await fetch(`i18n/${encodeURIComponent(lang)}.json`, { cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`no messages for ${lang}`);
  }
  return response.json();
}

/** Loads a language (the first available one is the fallback for missing messages) and remembers the choice. */
export async function use(lang, available) {
  const first = available[0];
  const [chosen, base] = await Promise.all([bundle(lang), lang === first ? null : bundle(first)]);
  messages = chosen;
  fallback = base || chosen;
  language = lang;
  localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang;
}

export function current() {
  return language;
}

/** A message with {name} placeholders filled in; numbers are formatted for the language. */
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key];
  if (text === undefined) {
    console.warn(`missing message ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params[name];
    if (value === undefined || value === null) {
      return whole;
    }
    return typeof value === 'number' ? number(value) : String(value);
  });
}

/** A message that depends on a count: key.one, key.other (and the language's other plural forms if given). */
export function plural(key, count, params = {}) {
  const form = new Intl.PluralRules(language).select(count);
  const chosen = (messages[`${key}.${form}`] ?? fallback[`${key}.${form}`]) !== undefined ? form : 'other';
  return t(`${key}.${chosen}`, { count, ...params });
}

/** The label of a code (sector, status, ...): from the bundle, else the code made readable. */
export function label(kind, code) {
  if (code === null || code === undefined || code === '') {
    return t('common.none');
  }
  const key = `${kind}.${code}`;
  const text = messages[key] ?? fallback[key];
  if (text !== undefined) {
    return text;
  }
  const words = String(code).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fills every element marked with data-i18n (text) or data-i18n-aria-label under the root. */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  });
}

/** A language's own name, for the switcher. */
export function languageName(lang) {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch (e) {
    return lang;
  }
}

export function number(value, options = {}) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A percentage given as 0-100. */
export function percent(value, digits = 0) {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits })
    .format(value / 100);
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 })
      .format(amount);
  } catch (e) {
    return `${number(amount)} ${currency}`;
  }
}

/** A calendar date (yyyy-mm-dd) or an instant, shown as a date. */
export function date(value) {
  if (!value) {
    return t('common.none');
  }
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'UTC' : undefined })
    .format(parsed);
}

export function time(value) {
  return new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(value);
}

/** A list of words joined as the language does ("a, b and c"). */
export function list(items) {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}
