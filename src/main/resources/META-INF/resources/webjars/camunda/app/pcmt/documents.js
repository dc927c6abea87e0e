/*
 * Tasklist tab "Tài liệu" (Documents) beside the task's form: the signed documents of the sub-plan or report the task
 * belongs to (name, kind, size, who attached it and when, a link that opens it), and a file picker with "Đính kèm"
 * (Attach). Camunda Forms in Tasklist 7.24 have no file field, hence a tab of its own. See docs/tasklist.md.
 *
 * A Tasklist plugin of the 7.24 plugin API, loaded through `customScripts` of Tasklist's config.js: the default export
 * is registered at the plugin point `tasklist.task.detail` (the tabs of the task view, beside "Biểu mẫu" 1000,
 * "Lịch sử" 800, "Mô tả" 100, ordered by priority), and Tasklist calls render(node, { taskId, api }) each time the
 * tab is shown for a task.
 *
 * The server is the application's JSON API (vn.pcmt.document): GET and POST /api/tasks/{taskId}/documents,
 * GET /api/documents/{id}. The browser is logged in to the webapps, not with HTTP Basic: the API takes the webapps'
 * session for these paths (vn.pcmt.web.WebappSessionAuthentication), and an upload carries the webapps' anti-forgery
 * token (X-XSRF-TOKEN, from the XSRF-TOKEN cookie), as Tasklist's own requests do. Who may list, attach and open is
 * decided there; a refusal's Vietnamese `detail` (RFC 9457) is shown as it is.
 *
 * Kind and size are checked here first, in the server's words, so an official does not wait for a large upload to be
 * refused; the largest size comes from the server (GET /api/documents/rules, pcmt.documents.max-size).
 */
import { chosenLanguage } from './locale.js';

/** File name endings of what the server accepts (it checks the bytes themselves). */
export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.jpg', '.jpeg', '.png', '.tif', '.tiff'];
/** Used until the server has told its own limit. */
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

const TEXTS = {
  vi: {
    tab: 'Tài liệu',
    name: 'Tài liệu',
    type: 'Loại',
    size: 'Dung lượng',
    uploadedBy: 'Người đính kèm',
    uploadedAt: 'Thời điểm',
    loading: 'Đang tải danh sách tài liệu…',
    empty: 'Chưa có tài liệu nào được đính kèm.',
    pick: 'Đính kèm văn bản đã ký',
    choose: 'Chọn tệp…',
    noneChosen: 'Chưa chọn tệp',
    hint: (max) => `PDF, Word (DOCX) hoặc ảnh quét (JPG, PNG, TIFF), tối đa ${max}.`,
    attach: 'Đính kèm',
    attaching: 'Đang tải lên…',
    noFile: 'Chưa chọn tệp.',
    attached: (name) => `Đã đính kèm tệp "${name}".`,
    wrongType: (name) => `Tệp "${name}" không phải PDF, Word (DOCX) hay ảnh quét (JPG, PNG, TIFF): chỉ nhận các `
      + 'loại tệp này.',
    tooLarge: (name, size, max) => `Tệp "${name}" quá lớn (${size}): tối đa ${max}.`,
    emptyFile: (name) => `Tệp "${name}" rỗng.`,
    failed: (status) => `Không thực hiện được (lỗi ${status}). Vui lòng thử lại.`,
    offline: 'Không kết nối được với máy chủ. Vui lòng thử lại.',
    decimal: ','
  },
  en: {
    tab: 'Documents',
    name: 'Document',
    type: 'Type',
    size: 'Size',
    uploadedBy: 'Attached by',
    uploadedAt: 'Attached at',
    loading: 'Loading the documents…',
    empty: 'No document attached yet.',
    pick: 'Attach the signed document',
    choose: 'Choose a file…',
    noneChosen: 'No file chosen',
    hint: (max) => `PDF, Word (DOCX) or a scan (JPG, PNG, TIFF), at most ${max}.`,
    attach: 'Attach',
    attaching: 'Uploading…',
    noFile: 'No file chosen.',
    attached: (name) => `"${name}" attached.`,
    wrongType: (name) => `"${name}" is not a PDF, Word (DOCX) or scanned image (JPG, PNG, TIFF): only these types `
      + 'are accepted.',
    tooLarge: (name, size, max) => `"${name}" is too large (${size}): at most ${max}.`,
    emptyFile: (name) => `"${name}" is empty.`,
    failed: (status) => `That did not work (error ${status}). Please try again.`,
    offline: 'The server cannot be reached. Please try again.',
    decimal: '.'
  }
};

const texts = TEXTS[chosenLanguage()] || TEXTS.vi;

/** "21,0 MB" as the server writes sizes in its refusals (one decimal, the language's decimal mark). */
export function megabytes(bytes, language = texts) {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', language.decimal)} MB`;
}

/** A size as listed: KB below one megabyte. */
function size(bytes) {
  if (!bytes) {
    return '';
  }
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes);
}

/** dd/MM/yyyy HH:mm in the browser's time, as Tasklist shows dates. */
function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} `
    + `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The Vietnamese (or English) refusal of a file before it is sent, or null if it may go. */
export function refusal(file, maxSize, language = texts) {
  const name = file.name.trim();
  const lower = name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
    return language.wrongType(name);
  }
  if (file.size === 0) {
    return language.emptyFile(name);
  }
  if (file.size > maxSize) {
    return language.tooLarge(name, megabytes(file.size, language), megabytes(maxSize, language));
  }
  return null;
}

/** The application's root: the webapps live at <root>/camunda (base app-root), the JSON API at <root>/api. */
function applicationRoot() {
  const appRoot = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
  return appRoot.replace(/\/[^/]*$/, '');
}

function cookie(name) {
  const found = document.cookie.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** A request to the JSON API with the webapps' session; resolves to { status, body } (body: parsed JSON or null). */
async function request(path, options = {}, csrfToken = null) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (options.method && options.method !== 'GET') {
    headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || csrfToken || '';
  }
  const response = await fetch(applicationRoot() + path, { credentials: 'same-origin', ...options, headers });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // no JSON body
  }
  return { status: response.status, body };
}

function problemText(result) {
  return result.body && typeof result.body.detail === 'string' && result.body.detail
    ? result.body.detail : texts.failed(result.status);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  children.forEach((child) => node.appendChild(child));
  return node;
}

let maxSizeOnServer = null;

async function maxSize() {
  if (maxSizeOnServer === null) {
    try {
      const result = await request('/api/documents/rules');
      if (result.status === 200 && result.body && Number.isFinite(result.body.maxSize)) {
        maxSizeOnServer = result.body.maxSize;
      }
    } catch (e) {
      // the server refuses a file that is too large anyway
    }
  }
  return maxSizeOnServer === null ? DEFAULT_MAX_SIZE : maxSizeOnServer;
}

function render(node, { taskId, api }) {
  const fileId = `pcmt-documents-file-${taskId}`;
  const status = element('p', { class: 'pcmt-documents-status text-muted', text: texts.loading });
  const rows = element('tbody');
  const table = element('table', { class: 'table table-striped pcmt-documents-list', hidden: '' },
    element('thead', {}, element('tr', {},
      element('th', { text: texts.name }), element('th', { text: texts.type }),
      element('th', { class: 'text-right', text: texts.size }), element('th', { text: texts.uploadedBy }),
      element('th', { text: texts.uploadedAt }))),
    rows);
  // the browser's own file button speaks the browser's language ("Choose File"): it is hidden for assistive
  // technology's sake only visually, and a button in the chosen language opens it
  const input = element('input', {
    type: 'file', id: fileId, name: 'file', class: 'pcmt-documents-file sr-only',
    accept: ACCEPTED_EXTENSIONS.join(',')
  });
  const choose = element('button', { type: 'button', class: 'btn btn-default pcmt-documents-choose', text: texts.choose });
  const chosen = element('span', {
    class: 'pcmt-documents-chosen text-muted', style: 'margin-left: 0.75em', text: texts.noneChosen
  });
  const hint = element('p', { class: 'help-block pcmt-documents-hint', text: texts.hint(megabytes(DEFAULT_MAX_SIZE)) });
  const button = element('button', {
    type: 'submit', class: 'btn btn-primary pcmt-documents-attach', text: texts.attach
  });
  const form = element('form', { class: 'pcmt-documents-upload', novalidate: '', hidden: '' },
    element('div', { class: 'form-group' }, element('label', { for: fileId, text: texts.pick }),
      element('div', {}, input, choose, chosen), hint),
    button);
  choose.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    chosen.textContent = file ? file.name : texts.noneChosen;
  });
  const error = element('div', { class: 'alert alert-danger pcmt-documents-error', role: 'alert', hidden: '' });
  const success = element('div', { class: 'alert alert-success pcmt-documents-success', role: 'status', hidden: '' });
  const section = element('section', { class: 'pcmt-documents', 'data-task-id': taskId },
    status, table, error, success, form);
  node.appendChild(section);

  function show(box, text) {
    box.textContent = text;
    box.hidden = !text;
  }

  function list(documents) {
    rows.replaceChildren(...documents.map((doc) => element('tr', { 'data-document-id': doc.id },
      element('td', {}, element('a', {
        href: `${applicationRoot()}/api/documents/${encodeURIComponent(doc.id)}`,
        target: '_blank', rel: 'noopener', class: 'pcmt-documents-open', text: doc.name
      })),
      element('td', { text: doc.typeLabel || doc.type || '' }),
      element('td', { class: 'text-right', text: size(doc.size) }),
      element('td', { text: doc.uploadedBy || '' }),
      element('td', { text: dateTime(doc.uploadedAt) }))));
    table.hidden = documents.length === 0;
    show(status, documents.length === 0 ? texts.empty : '');
  }

  async function load() {
    let result;
    try {
      result = await request(`/api/tasks/${encodeURIComponent(taskId)}/documents`);
    } catch (e) {
      show(status, '');
      show(error, texts.offline);
      return;
    }
    if (result.status === 200 && Array.isArray(result.body)) {
      list(result.body);
      form.hidden = false;
    } else {
      // not visible to this user (404), or the session has ended (401): nothing of the task's documents is shown
      show(status, '');
      table.hidden = true;
      form.hidden = true;
      show(error, problemText(result));
    }
  }

  maxSize().then((max) => {
    hint.textContent = texts.hint(megabytes(max));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(error, '');
    show(success, '');
    const file = input.files && input.files[0];
    if (!file) {
      show(error, texts.noFile);
      return;
    }
    const refused = refusal(file, await maxSize());
    if (refused) {
      show(error, refused);
      return;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    button.disabled = true;
    button.textContent = texts.attaching;
    try {
      const result = await request(`/api/tasks/${encodeURIComponent(taskId)}/documents`,
        { method: 'POST', body }, api && api.CSRFToken);
      if (result.status === 201) {
        input.value = '';
        chosen.textContent = texts.noneChosen;
        show(success, texts.attached(result.body && result.body.name ? result.body.name : file.name));
        await load();
      } else {
        show(error, problemText(result));
      }
    } catch (e) {
      show(error, texts.offline);
    } finally {
      button.disabled = false;
      button.textContent = texts.attach;
    }
  });

  load();
}

export default {
  id: 'pcmt-documents',
  pluginPoint: 'tasklist.task.detail',
  // after "Biểu mẫu" (1000), before "Lịch sử" (800)
  priority: 900,
  label: texts.tab,
  properties: { label: texts.tab },
  render
};
