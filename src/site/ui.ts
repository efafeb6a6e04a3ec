import { getSiteModel } from './handbook.js';
import { uiFor, type Ui } from './i18n/index.js';

/** The words, dates and numbers of the handbook being built, in its `language`. */
export function siteUi(): Ui {
  return uiFor(getSiteModel().handbook.settings.language);
}
