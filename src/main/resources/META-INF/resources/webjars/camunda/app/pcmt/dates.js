/*
 * Dates in the Camunda webapps, loaded through `customScripts` of each app's config.js (before AngularJS starts).
 *
 * - Camunda shows dates relative to now ("in 3 days", "3 years ago"). Officials work with dates ("trước ngày
 *   15/12"), so a date more than a week away is shown as dd/MM/yyyy; a nearer one stays relative
 *   ("Hạn 3 ngày nữa"). The full date and time stays in the tooltip.
 * - The date picker (AngularUI Bootstrap) takes month and day names from AngularJS's $locale, which Camunda
 *   leaves in English: in Vietnamese they are replaced, weeks start on Monday, and its arrows are read out
 *   in Vietnamese.
 * The locale files (app/<app>/locales/vi.json, "dateLocales") cover moment.js, which formats everything else.
 */
import { chosenLanguage } from './locale.js';

const VIETNAMESE_DATES = {
  MONTH: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9',
    'Tháng 10', 'Tháng 11', 'Tháng 12'],
  SHORTMONTH: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
  STANDALONEMONTH: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8',
    'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'],
  DAY: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  SHORTDAY: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  // AngularJS counts from Monday = 0
  FIRSTDAYOFWEEK: 0,
  AMPMS: ['SA', 'CH']
};

const angular = window.angular;

/**
 * Configures an AngularJS module if this app has it. A custom script must never throw: Camunda's loader then
 * fails to start the whole app.
 */
function configure(moduleName, block) {
  try {
    angular.module(moduleName).config(block);
  } catch (e) {
    // this app does not load the module (Admin has no angularMoment)
  }
}

if (!angular) {
  console.warn('pcmt/dates.js: AngularJS is not loaded, dates keep Camunda\'s defaults');
} else {
  configure('angularMoment', ['amTimeAgoConfig', (config) => {
    config.fullDateThreshold = 7;
    config.fullDateThresholdUnit = 'day';
    config.fullDateFormat = 'DD/MM/YYYY';
  }]);

  if (chosenLanguage() === 'vi') {
    configure('ng', ['$provide', ($provide) => {
      $provide.decorator('$locale', ['$delegate', ($locale) => {
        Object.assign($locale.DATETIME_FORMATS, VIETNAMESE_DATES);
        return $locale;
      }]);
      // the picker's arrows are read to screen readers as "previous" / "next", written in its templates
      $provide.decorator('$templateCache', ['$delegate', (templates) => {
        const get = templates.get;
        templates.get = (key) => {
          const template = get.call(templates, key);
          return typeof template === 'string' && key.startsWith('uib/template/datepicker/')
            ? template.replace('>previous<', '>Trước<').replace('>next<', '>Sau<')
            : template;
        };
        return templates;
      }]);
    }]);
    configure('ui.bootstrap.datepicker', ['uibDatepickerConfig', (config) => {
      config.formatDayTitle = "MMMM 'năm' yyyy";
      config.formatMonthTitle = "'Năm' yyyy";
    }]);
  }
}
