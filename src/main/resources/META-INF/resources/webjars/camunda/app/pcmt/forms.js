/*
 * Camunda Forms (form-js, the task and start forms of Tasklist) write their own texts in English in their code,
 * outside Camunda's locale files: validation messages, list and table controls, the date picker. Loaded through
 * `customScripts` of Tasklist's config.js.
 *
 * - Dates: form-js takes the date format of a date field from the browser's language ("default"); an English
 *   browser would get mm/dd/yyyy. It gets the Vietnamese dd/MM/yyyy in either language of the webapps.
 * - In Vietnamese, the texts below are replaced wherever a form shows them. Field labels, descriptions and
 *   options come from the forms themselves (forms/*.form) and are already Vietnamese.
 */
import { chosenLanguage } from './locale.js';

const NativeDateTimeFormat = Intl.DateTimeFormat;
const DAY_MONTH_YEAR = { day: '2-digit', month: '2-digit', year: 'numeric' };
function DateTimeFormat(locales, options) {
  // form-js asks for new Intl.DateTimeFormat('default') and reads the order and width of day, month and year
  return locales === 'default' && options === undefined
    ? new NativeDateTimeFormat('vi-VN', DAY_MONTH_YEAR)
    : new NativeDateTimeFormat(locales, options);
}
DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = DateTimeFormat;

/** [English text as form-js writes it, Vietnamese]; a RegExp's groups go to $1, $2. */
export const FORM_TEXTS = [
  // validation (form-js Validator)
  ['Field is required.', 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.*)\.$/, 'Giá trị phải khớp với mẫu $1.'],
  [/^Field must have minimum value of (.*)\.$/, 'Giá trị tối thiểu là $1.'],
  [/^Field must have maximum value of (.*)\.$/, 'Giá trị tối đa là $1.'],
  [/^Field must have minimum length of (.*)\.$/, 'Phải có ít nhất $1 ký tự.'],
  [/^Field must have maximum length of (.*)\.$/, 'Không được dài quá $1 ký tự.'],
  [/^Field must be a valid {1,2}international phone number\. \(e\.g\. .*\)$/,
    'Số điện thoại phải theo định dạng quốc tế (ví dụ: +84912345678).'],
  ['Field must be a valid email.', 'Địa chỉ thư điện tử không hợp lệ.'],
  ['Value is not a number.', 'Giá trị không phải là số.'],
  ['Value is expected to be an integer.', 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Giá trị chỉ được có tối đa $1 chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là $1 và $2.'],
  // lists, tables, selects
  ['Add new', 'Thêm mới'],
  ['Collapse', 'Thu gọn'],
  [/^Expand all \((\d+)\)$/, 'Mở rộng tất cả ($1)'],
  ['Nothing to show.', 'Không có dữ liệu.'],
  ['No results', 'Không có kết quả'],
  ['Search', 'Tìm kiếm'],
  ['Select', 'Chọn'],
  ['Clear', 'Xóa'],
  ['Previous page', 'Trang trước'],
  ['Next page', 'Trang sau'],
  [/^Remove list item (\d+)$/, 'Xóa mục thứ $1'],
  ['Delete item', 'Xóa mục'],
  ['Toggle list item', 'Mở rộng / thu gọn mục'],
  ['Remove tag', 'Bỏ lựa chọn'],
  ['Increment', 'Tăng'],
  ['Decrement', 'Giảm']
];

/** The date picker of date fields (flatpickr): only inside it, a form's data may say "May". */
export const CALENDAR_TEXTS = [
  ['January', 'Tháng 1'], ['February', 'Tháng 2'], ['March', 'Tháng 3'], ['April', 'Tháng 4'],
  ['May', 'Tháng 5'], ['June', 'Tháng 6'], ['July', 'Tháng 7'], ['August', 'Tháng 8'],
  ['September', 'Tháng 9'], ['October', 'Tháng 10'], ['November', 'Tháng 11'], ['December', 'Tháng 12'],
  ['Sun', 'CN'], ['Mon', 'T2'], ['Tue', 'T3'], ['Wed', 'T4'], ['Thu', 'T5'], ['Fri', 'T6'], ['Sat', 'T7']
];

export function translate(text, texts = FORM_TEXTS) {
  const trimmed = text.trim();
  for (const [english, vietnamese] of texts) {
    if (typeof english === 'string' ? trimmed === english : english.test(trimmed)) {
      const translated = typeof english === 'string' ? vietnamese : trimmed.replace(english, vietnamese);
      return text.replace(trimmed, translated);
    }
  }
  return text;
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function translateElement(root, texts) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const translated = translate(node.data, texts);
    if (translated !== node.data) {
      node.data = translated;
    }
  }
  root.querySelectorAll('*').forEach((element) => {
    ATTRIBUTES.forEach((attribute) => {
      const value = element.getAttribute(attribute);
      if (value) {
        const translated = translate(value, texts);
        if (translated !== value) {
          element.setAttribute(attribute, translated);
        }
      }
    });
  });
}

if (chosenLanguage() === 'vi') {
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        document.querySelectorAll('.fjs-container').forEach((form) => translateElement(form, FORM_TEXTS));
        document.querySelectorAll('.flatpickr-calendar').forEach((picker) => translateElement(picker, CALENDAR_TEXTS));
      });
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}
