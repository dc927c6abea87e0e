/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Project settings (vn.pcmt, see docs/translation.md): Vietnamese by default, English chosen in the user
// menu; the product's name in the header; Vietnamese dates. The commented lines are Camunda's own examples.
import { chosenLanguage, locales } from '../../pcmt/locale.js';

// the shortcut descriptions below are shown as they are written here, not through the locale files
const english = chosenLanguage() === 'en';

export default {
  // header and browser title: "<vendor> <name>"; the login page shows the name alone
  app: {
    name: 'phòng, chống ma túy',
    vendor: 'Kế hoạch'
  },

  // moment.js formats; dd/MM/yyyy whatever the language
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },

  // only the chosen language is offered, so an English browser still gets Vietnamese (see ../../pcmt/locale.js)
  locales: locales(),

  // language choice in the user menu, app names in the app switcher; dates more than a week away as
  // dd/MM/yyyy; Camunda Forms' own texts in Vietnamese, their date fields dd/MM/yyyy; forms with lists completable
  customScripts: ['../pcmt/header', '../pcmt/dates', '../pcmt/forms', '../pcmt/form-lists', '../pcmt/documents',
    '../pcmt/shared-pc'],

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: english ? 'claims the currently selected task' : 'Nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: english ? 'set the focus to the first filter in the list' : 'Chuyển tới bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: english ? 'sets the focus to the first task in the list' : 'Chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: english
        ? 'sets the focus to the first input field in a task form'
        : 'Chuyển tới ô nhập đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: english ? 'opens the start process modal dialog' : 'Mở hộp thoại khởi tạo quy trình'
    }
  }
};
