/*
 * Which language the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) show: Vietnamese unless the user
 * chose English in the user menu (or opened a page with ?lang=en). See docs/translation.md.
 *
 * Camunda 7.24 has no language setting of its own: it takes the browser's first language
 * (navigator.languages[0]) when it is among `locales.availableLocales`, and `locales.fallbackLocale` otherwise.
 * An English browser would therefore get English whenever 'en' is offered. So each app's config.js offers
 * exactly one language, the one chosen here, which makes the choice win over the browser's.
 */
export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' }
];
export const DEFAULT_LANGUAGE = 'vi';

const STORAGE_KEY = 'pcmt-locale';

function known(code) {
  return LANGUAGES.some((language) => language.code === code);
}

/** The language to show: ?lang=xx (remembered), else the remembered choice, else Vietnamese. */
export function chosenLanguage() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (known(requested)) {
      window.localStorage.setItem(STORAGE_KEY, requested);
      return requested;
    }
    const remembered = window.localStorage.getItem(STORAGE_KEY);
    return known(remembered) ? remembered : DEFAULT_LANGUAGE;
  } catch (e) {
    // storage disabled (private mode, policy): Vietnamese
    return DEFAULT_LANGUAGE;
  }
}

/** The `locales` entry of a Camunda webapp config.js. */
export function locales() {
  const language = chosenLanguage();
  return { availableLocales: [language], fallbackLocale: language };
}

/** Remembers the choice for every app of this browser and reloads the page in that language. */
export function chooseLanguage(code) {
  if (!known(code)) {
    return;
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch (e) {
    // nothing to remember it in; the reload then shows the default
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    // a ?lang= in the address would override the new choice on reload
    url.searchParams.delete('lang');
    window.location.replace(url.toString());
  } else {
    window.location.reload();
  }
}
