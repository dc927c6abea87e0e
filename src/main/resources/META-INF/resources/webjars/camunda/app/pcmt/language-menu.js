/*
 * Adds the language choice (Tiếng Việt / English) to the user menu of the Camunda webapps' header.
 * Loaded through `customScripts` of each app's config.js; the header is Camunda's own widget, so the entries
 * are added to its menu whenever Angular (re)renders it.
 */
import { LANGUAGES, chosenLanguage, chooseLanguage } from './locale.js';

const MARK = 'pcmt-language';

function languageItems(current) {
  const items = [];
  LANGUAGES.forEach((language) => {
    const item = document.createElement('li');
    item.className = `${MARK} ${MARK}-${language.code}`;
    const link = document.createElement('a');
    link.href = '';
    link.lang = language.code;
    link.textContent = language.label;
    if (language.code === current) {
      item.classList.add('active');
      const tick = document.createElement('span');
      tick.className = 'glyphicon glyphicon-ok';
      tick.style.marginLeft = '0.5em';
      link.appendChild(tick);
    }
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (language.code !== current) {
        chooseLanguage(language.code);
      }
    });
    item.appendChild(link);
    items.push(item);
  });
  const divider = document.createElement('li');
  divider.className = `divider ${MARK}`;
  items.push(divider);
  return items;
}

function addToUserMenus() {
  const current = chosenLanguage();
  document.querySelectorAll('[cam-widget-header] li.account > ul.dropdown-menu').forEach((menu) => {
    if (menu.querySelector(`li.${MARK}`)) {
      return;
    }
    const logout = menu.querySelector('li.logout');
    languageItems(current).forEach((item) => menu.insertBefore(item, logout));
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      addToUserMenus();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
addToUserMenus();
