/*
 * A Camunda Form with a dynamic list (a report's indicators, a plan's assignments) can be completed in Tasklist.
 *
 * form-js keeps the validation errors of a field inside a list under the field's id, an entry per row
 * ({Field_figureValue: [undefined, ['Field is required.']]}); a field whose rows are all valid leaves an empty entry
 * behind ({Field_figureValue: []}). Tasklist (7.24) takes any key of the errors for an invalid form
 * (Object.keys(errors).length) and never enables "Hoàn thành" once such a form is shown. Here form-js's Form class
 * is found among the webapp's modules (by a method only it has) and keeps its errors without entries that hold no
 * message. Loaded through `customScripts` of Tasklist's config.js.
 */

/** Whether an entry of the errors holds a message (a text), at any depth of rows. */
function holdsMessage(value) {
  if (typeof value === 'string') {
    return true;
  }
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsMessage);
}

export function withoutEmptyErrors(errors) {
  const result = {};
  Object.keys(errors || {}).forEach((key) => {
    if (holdsMessage(errors[key])) {
      result[key] = errors[key];
    }
  });
  return result;
}

function isForm(type) {
  return typeof type === 'function' && type.prototype && typeof type.prototype._setState === 'function'
    && typeof type.prototype._getSubmitData === 'function';
}

/** form-js's Form: Tasklist 7.24 bundles it as module 57661; another version is searched by its code. */
function formClass(require) {
  const known = require.m && require.m[57661] ? require(57661).Form : null;
  if (isForm(known)) {
    return known;
  }
  const id = Object.keys(require.m || {}).find((key) => String(require.m[key]).includes('_getSubmitData'));
  return id === undefined ? null : require(id).Form;
}

function patch(Form) {
  if (!isForm(Form) || Form.prototype.pcmtWithoutEmptyErrors) {
    return;
  }
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors ? { ...state, errors: withoutEmptyErrors(state.errors) } : state);
  };
  Form.prototype.pcmtWithoutEmptyErrors = true;
}

// a chunk of our own gives its callback the webapp's module loader (webpack's JSONP chunk format)
const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
chunks.push([['pcmt-form-lists'], {}, (require) => {
  const Form = formClass(require);
  if (isForm(Form)) {
    patch(Form);
  } else {
    console.warn('pcmt: form-js not found; forms with lists may keep "Hoàn thành" disabled');
  }
}]);
