/*
 * Additions to the header of the Camunda webapps, loaded through `customScripts` of each app's config.js:
 * - the language choice (Tiếng Việt / English) in the user menu;
 * - in Vietnamese, the names of the apps in the app switcher (Camunda writes them in its code, not in the
 *   locale files).
 * The header is Camunda's own widget, so both are (re)applied whenever AngularJS renders it.
 */
import { LANGUAGES, chosenLanguage, chooseLanguage } from './locale.js';

const MARK = 'pcmt-language';

// the same names as TASKLIST_APP, COCKPIT_APP, ADMIN_APP in app/*/locales/vi.json
const VIETNAMESE_APP_NAMES = {
  welcome: 'Trang chủ',
  tasklist: 'Việc cần làm',
  cockpit: 'Giám sát quy trình',
  admin: 'Quản trị hệ thống'
};

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

function addLanguageChoice(current) {
  document.querySelectorAll('[cam-widget-header] li.account > ul.dropdown-menu').forEach((menu) => {
    if (menu.querySelector(`li.${MARK}`)) {
      return;
    }
    const logout = menu.querySelector('li.logout');
    languageItems(current).forEach((item) => menu.insertBefore(item, logout));
  });
}

function nameAppsInVietnamese() {
  document.querySelectorAll('[cam-widget-header] li.app-switch > ul.dropdown-menu > li').forEach((item) => {
    const link = item.querySelector('a');
    const app = Object.keys(VIETNAMESE_APP_NAMES).find((name) => item.classList.contains(name));
    if (link && app && link.textContent.trim() !== VIETNAMESE_APP_NAMES[app]) {
      link.textContent = VIETNAMESE_APP_NAMES[app];
    }
  });
}

function update() {
  const current = chosenLanguage();
  addLanguageChoice(current);
  if (current === 'vi') {
    nameAppsInVietnamese();
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      update();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
update();
