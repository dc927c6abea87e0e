/*
 * Shared office PCs: nothing an official typed stays in the browser after logout. Loaded through `customScripts` of
 * the webapps' config.js (Tasklist, Welcome, Admin; Cockpit likewise). See docs/tasklist.md.
 *
 * What Camunda 7.24 keeps in the browser's local storage (read from the 7.24 webjar):
 * - `camunda-form:<taskId>`: a Camunda Form's values (form-js), written by the form's "Lưu" (Save) button and,
 *   unasked, when the session expires while the form is open; removed only when the task is completed;
 * - `camForm:<taskId or processDefinitionId>`: the same for embedded and generated forms (camunda-bpm-sdk-js);
 * - `camunda`: the header widgets' settings, among them saved search criteria (`searchCriteria`, which may hold
 *   typed values) and `firstVisit`;
 * - `camunda-web`: list sorting per view and cached locale files (`*_locales_data_*`);
 * - `pcmt-locale`: the language chosen in the user menu (../pcmt/locale.js), the only key kept.
 * Camunda uses no session storage; it is emptied as well, for whatever a future script puts there.
 *
 * When:
 * - on "Đăng xuất" (Sign out): as soon as it is clicked;
 * - whenever the login form is shown: after logout, after an expired session (Tasklist saves the open form just
 *   before it shows the login), and on the login page of a browser that was closed without logging out. If the page
 *   had been in use by a logged-in user, it is then reloaded, so that no copy held in the page's memory (Camunda
 *   writes its `camunda` and `camunda-web` settings back from memory on their next change) or in the page itself
 *   survives for the next official.
 */
/** The language choice's key (STORAGE_KEY of ./locale.js). */
const LANGUAGE_KEY = 'pcmt-locale';

/** Local storage keys that survive a logout: only the language choice. */
export const KEPT_KEYS = [LANGUAGE_KEY];

/** Removes every key of local storage except {@link KEPT_KEYS}, and empties session storage. */
export function clearUserData() {
  try {
    const storage = window.localStorage;
    // the keys first: the order of key(i) may change as keys are removed
    const keys = [];
    for (let i = 0; i < storage.length; i++) {
      keys.push(storage.key(i));
    }
    keys.filter((key) => key !== null && !KEPT_KEYS.includes(key)).forEach((key) => storage.removeItem(key));
  } catch (e) {
    // storage disabled (private mode, policy): nothing was stored
  }
  try {
    window.sessionStorage.clear();
  } catch (e) {
    // as above
  }
}

const LOGIN_FORM = 'form[name="signinForm"]';
const LOGOUT_LINK = '[cam-widget-header] li.logout a';
const ACCOUNT_MENU = '[cam-widget-header] li.account';

// the page has shown a logged-in user's header since it was loaded
let usedByAUser = false;
let loginFormShown = false;

function check() {
  if (document.querySelector(ACCOUNT_MENU)) {
    usedByAUser = true;
  }
  const loginForm = document.querySelector(LOGIN_FORM) !== null;
  if (loginForm && !loginFormShown) {
    clearUserData();
    if (usedByAUser) {
      // the address is already the app's login page (Tasklist '#/login', Welcome '#!/login')
      window.location.reload();
    }
  }
  loginFormShown = loginForm;
}

// the logout link: clear before Camunda's own handler sends the logout (capture phase runs first)
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest(LOGOUT_LINK)) {
    clearUserData();
  }
}, true);

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    // a timer, not requestAnimationFrame: a session may expire in a tab in the background, which gets no frames
    window.setTimeout(() => {
      scheduled = false;
      check();
    }, 0);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
check();
